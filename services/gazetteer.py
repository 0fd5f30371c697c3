"""An offline gazetteer of Norwegian postcodes, postal places and municipalities.

What a visitor types to find help near them must never leave the server, so place names are
resolved here, from two CSV files in ``services/data`` (see SOURCES.md there),
without any network call or database.
"""

from __future__ import annotations

import csv
import functools
import re
import statistics
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_INPUT_CHARS = 100
MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.75

# Letters people replace when they type without a Norwegian keyboard, and Sámi letters
# that Unicode does not decompose into a base letter plus a mark.
_LETTER_FOLDS = str.maketrans(
    {"æ": "ae", "ä": "ae", "ø": "o", "ö": "o", "å": "a", "đ": "d", "ŧ": "t", "ŋ": "n"}
)
# Whole words around a name that say nothing about where it is ("Oslo sentrum").
_NOISE = tuple(
    tuple(phrase.split())
    for phrase in (
        "sentrum og omegn",
        "sentrum",
        "centrum",
        "center",
        "centre",
        "city",
        "kommune",
        "kommun",
    )
)
# Former county names people still use, mapped to the counties of 2024.
_FORMER_COUNTIES = {
    "Hedmark": ("Innlandet",),
    "Oppland": ("Innlandet",),
    "Aust-Agder": ("Agder",),
    "Vest-Agder": ("Agder",),
    "Hordaland": ("Vestland",),
    "Sogn og Fjordane": ("Vestland",),
    "Sør-Trøndelag": ("Trøndelag",),
    "Nord-Trøndelag": ("Trøndelag",),
    "Viken": ("Østfold", "Akershus", "Buskerud"),
    "Vestfold og Telemark": ("Vestfold", "Telemark"),
    "Troms og Finnmark": ("Troms", "Finnmark"),
}
_SEPARATORS = re.compile(r"[\W_]+")
_KIND_ORDER = {"municipality": 0, "place": 1, "postcode": 2}


def normalize(text: str) -> str:
    """Fold what a visitor types and what the data says to one comparable key: case, accents,
    æøå written as ae/o/aa/a, and punctuation all stop mattering."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_LETTER_FOLDS)
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = "".join(char for char in text if not unicodedata.category(char).startswith("M"))
    text = text.replace("aa", "a").replace("oe", "o")
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class Place:
    """A point a visitor's text resolved to, with a label to show and a text to look it up."""

    name: str
    kind: str
    latitude: float
    longitude: float
    municipality_number: str
    municipality: str
    county: str
    query: str


@dataclass(frozen=True)
class Lookup:
    """The answer to one typed text: none, one or several matches, and typo suggestions."""

    query: str
    matches: tuple[Place, ...] = ()
    suggestions: tuple[Place, ...] = ()

    @property
    def found(self) -> bool:
        return len(self.matches) == 1

    @property
    def ambiguous(self) -> bool:
        return len(self.matches) > 1

    @property
    def place(self) -> Place | None:
        return self.matches[0] if self.found else None


@dataclass(frozen=True)
class _Qualifier:
    """A trailing county or municipality name that narrows a name: "Våler, Østfold"."""

    counties: frozenset[str]
    municipality_numbers: frozenset[str]

    def admits(self, place: Place) -> bool:
        return place.county in self.counties or (
            place.municipality_number in self.municipality_numbers
        )


@dataclass
class _Municipality:
    number: str
    name: str
    county: str
    latitude: float
    longitude: float
    alt_names: tuple[str, ...]
    population: int


@dataclass
class _PostalPlace:
    name: str
    municipality_number: str
    latitudes: list[float]
    longitudes: list[float]


class Gazetteer:
    """Name and postcode indexes built once, so that an exact lookup is a dict access."""

    def __init__(
        self,
        *,
        postcodes: dict[str, Place],
        names: dict[str, tuple[Place, ...]],
        municipalities: dict[str, Place],
        spellings: dict[Place, str],
        weights: dict[Place, int],
        qualifiers: dict[str, _Qualifier],
    ) -> None:
        self._postcodes = postcodes
        self._postcode_keys = sorted(postcodes)
        self._names = names
        self._name_keys = sorted(names)
        self._longest_name = max(map(len, names), default=0)
        self._municipalities = municipalities
        self._spellings = spellings
        self._weights = weights
        self._qualifiers = qualifiers

    @classmethod
    def from_csv(cls, postcodes_path: str | Path, municipalities_path: str | Path) -> Gazetteer:
        municipalities = {
            row["number"]: _Municipality(
                number=row["number"],
                name=row["name"],
                county=row["county"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                alt_names=tuple(name for name in row["alt_names"].split("|") if name),
                population=int(row["population"] or 0),
            )
            for row in _read_csv(municipalities_path)
        }
        postcode_rows = _read_csv(postcodes_path)
        postal_places: dict[tuple[str, str], _PostalPlace] = {}
        for row in postcode_rows:
            pair = (row["place"], row["municipality_number"])
            entry = postal_places.setdefault(pair, _PostalPlace(*pair, [], []))
            entry.latitudes.append(float(row["latitude"]))
            entry.longitudes.append(float(row["longitude"]))
        _add_unlisted_areas(municipalities, postcode_rows, postal_places)
        return cls._build(municipalities, postal_places, postcode_rows)

    @classmethod
    def _build(
        cls,
        municipalities: dict[str, _Municipality],
        postal_places: dict[tuple[str, str], _PostalPlace],
        postcode_rows: list[dict[str, str]],
    ) -> Gazetteer:
        municipality_keys: dict[str, list[str]] = defaultdict(list)
        for municipality in municipalities.values():
            for name in (municipality.name, *municipality.alt_names):
                if municipality.number not in municipality_keys[normalize(name)]:
                    municipality_keys[normalize(name)].append(municipality.number)
        place_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for pair in postal_places:
            place_keys[normalize(pair[0])].append(pair)

        # A name that is a municipality and also a postal place inside it (Molde, whose
        # postcodes spill into Aukra) means the municipality; a postal place elsewhere (Os in
        # Bjørnafjorden, besides Os municipality in Innlandet) makes the name ambiguous.
        resolved: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
        for key in municipality_keys.keys() | place_keys.keys():
            numbers = sorted(
                municipality_keys.get(key, []), key=lambda n: -municipalities[n].population
            )
            pairs = place_keys.get(key, [])
            if any(number in numbers for _, number in pairs):
                pairs = []
            pairs = sorted(pairs, key=lambda pair: -len(postal_places[pair].latitudes))
            resolved[key] = (numbers, pairs)

        ambiguous_keys = {key for key, (ns, ps) in resolved.items() if len(ns) + len(ps) > 1}
        municipality_key = {m.number: normalize(m.name) for m in municipalities.values()}

        weights: dict[Place, int] = {}
        spellings: dict[Place, str] = {}
        by_number: dict[str, Place] = {}
        for municipality in municipalities.values():
            ambiguous = municipality_key[municipality.number] in ambiguous_keys
            place = Place(
                name=f"{municipality.name} ({municipality.county})"
                if ambiguous
                else municipality.name,
                kind="municipality",
                latitude=municipality.latitude,
                longitude=municipality.longitude,
                municipality_number=municipality.number,
                municipality=municipality.name,
                county=municipality.county,
                query=f"{municipality.name}, {municipality.county}"
                if ambiguous
                else municipality.name,
            )
            by_number[municipality.number] = place
            weights[place] = municipality.population
            spellings[place] = municipality.name
        place_key = {pair: key for key, pairs in place_keys.items() for pair in pairs}
        by_pair: dict[tuple[str, str], Place] = {}
        for pair, entry in postal_places.items():
            municipality = municipalities[entry.municipality_number]
            ambiguous = place_key[pair] in ambiguous_keys
            place = Place(
                name=f"{entry.name} ({municipality.name})" if ambiguous else entry.name,
                kind="place",
                latitude=_median(entry.latitudes),
                longitude=_median(entry.longitudes),
                municipality_number=municipality.number,
                municipality=municipality.name,
                county=municipality.county,
                query=f"{entry.name}, {municipality.name}" if ambiguous else entry.name,
            )
            by_pair[pair] = place
            weights[place] = len(entry.latitudes)
            spellings[place] = entry.name

        names = {
            key: tuple(by_number[n] for n in numbers) + tuple(by_pair[p] for p in pairs)
            for key, (numbers, pairs) in resolved.items()
        }
        postcodes = {
            row["postcode"]: Place(
                name=f"{row['postcode']} {row['place']}",
                kind="postcode",
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                municipality_number=row["municipality_number"],
                municipality=row["municipality"],
                county=row["county"],
                query=row["postcode"],
            )
            for row in postcode_rows
        }
        return cls(
            postcodes=postcodes,
            names=names,
            municipalities=by_number,
            spellings=spellings,
            weights=weights,
            qualifiers=_qualifiers(municipalities.values()),
        )

    def municipality(self, number: str) -> Place | None:
        """A municipality's centre (its administrative centre's postcodes)."""
        return self._municipalities.get(number)

    def postcode(self, code: str) -> Place | None:
        return self._postcodes.get(code.strip()) if isinstance(code, str) else None

    def lookup(self, text: str) -> Lookup:
        """Resolve a postcode, municipality or postal place; on failure, suggest close names."""
        given = _trimmed(text)
        key = normalize(given)
        if not key:
            return Lookup(given)
        code = next((token for token in key.split() if _is_postcode(token)), None)
        if code is not None:
            place = self._postcodes.get(code)
            return Lookup(given, (place,) if place else ())
        matches = self._resolve(key)
        if matches:
            return Lookup(given, self._prefer_spelling(given, matches))
        split = self._split_qualifier(key)
        if split is None:
            return Lookup(given, suggestions=self._suggest(_strip_noise(key)))
        head, qualifier = split
        candidates = self._resolve(head)
        narrowed = tuple(place for place in candidates if qualifier.admits(place))
        if narrowed:
            return Lookup(given, narrowed)
        if candidates:
            return Lookup(given, suggestions=candidates[:MAX_SUGGESTIONS])
        return Lookup(given, suggestions=self._suggest(head, qualifier))

    def complete(self, prefix: str, limit: int = 10) -> list[Place]:
        """Places whose name (or postcode) starts with the prefix, biggest first."""
        key = normalize(_trimmed(prefix))
        if not key or limit <= 0:
            return []
        if key.isascii() and key.isdigit():
            start = bisect_left(self._postcode_keys, key)
            codes = self._postcode_keys[start : start + limit]
            return [self._postcodes[code] for code in codes if code.startswith(key)]
        found: dict[Place, bool] = {}
        for index in range(bisect_left(self._name_keys, key), len(self._name_keys)):
            name = self._name_keys[index]
            if not name.startswith(key):
                break
            for place in self._names[name]:
                found[place] = found.get(place, False) or name == key
        ranked = sorted(found, key=lambda place: (not found[place], *self._rank(place)))
        return ranked[:limit]

    def _resolve(self, key: str) -> tuple[Place, ...]:
        return self._names.get(key) or self._names.get(_strip_noise(key), ())

    def _prefer_spelling(self, given: str, matches: tuple[Place, ...]) -> tuple[Place, ...]:
        """Of names that differ only in æøå or accents, take the one spelled exactly as typed
        ("Ørnes" in Meløy, not "Ornes" in Luster). Plain ASCII may be either, so it stays
        ambiguous."""
        if len(matches) == 1 or given.isascii():
            return matches
        typed = " ".join(given.casefold().split())
        exact = tuple(p for p in matches if self._spellings[p].casefold() == typed)
        return exact if len(exact) == 1 else matches

    def _split_qualifier(self, key: str) -> tuple[str, _Qualifier] | None:
        """Split "valer ostfold" or "heroy i nordland" into a name and a county or
        municipality; prefer the longest name that resolves."""
        words = key.split()
        splits = []
        for cut in range(len(words) - 1, 0, -1):
            qualifier = self._qualifiers.get(" ".join(words[cut:]))
            head = words[:cut]
            if head[-1] == "i" and len(head) > 1:
                head = head[:-1]
            if qualifier is not None:
                splits.append((" ".join(head), qualifier))
        return next((s for s in splits if self._resolve(s[0])), splits[0] if splits else None)

    def _suggest(self, key: str, qualifier: _Qualifier | None = None) -> tuple[Place, ...]:
        """Close names for a typo, most similar first, then municipalities, then the
        bigger; those inside a given county or municipality first."""
        if not key or len(key) > 2 * self._longest_name:
            return self._qualified_municipality(qualifier)
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        scored: dict[Place, float] = {}
        for name in self._name_keys:
            matcher.set_seq1(name)
            if (
                matcher.real_quick_ratio() >= SUGGESTION_CUTOFF
                and matcher.quick_ratio() >= SUGGESTION_CUTOFF
                and (ratio := matcher.ratio()) >= SUGGESTION_CUTOFF
            ):
                for place in self._names[name]:
                    scored[place] = max(ratio, scored.get(place, 0.0))

        def order(place: Place) -> tuple[bool, float, int, int, str]:
            outside = qualifier is not None and not qualifier.admits(place)
            return (outside, -round(scored[place], 2), *self._rank(place))

        best = sorted(scored, key=order)[:MAX_SUGGESTIONS]
        extra = [p for p in self._qualified_municipality(qualifier) if p not in best]
        return tuple(best + extra)[:MAX_SUGGESTIONS]

    def _qualified_municipality(self, qualifier: _Qualifier | None) -> tuple[Place, ...]:
        """For "Storgata 5 Bergen", at least the municipality that was named."""
        if qualifier is None:
            return ()
        return tuple(self._municipalities[n] for n in sorted(qualifier.municipality_numbers))

    def _rank(self, place: Place) -> tuple[int, int, str]:
        return (_KIND_ORDER[place.kind], -self._weights.get(place, 0), place.name)


def _read_csv(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = csv.reader(file)
        header = next(rows)
        return [dict(zip(header, row, strict=True)) for row in rows]


def _add_unlisted_areas(
    municipalities: dict[str, _Municipality],
    postcode_rows: Iterable[dict[str, str]],
    postal_places: dict[tuple[str, str], _PostalPlace],
) -> None:
    """Svalbard and Jan Mayen have postcodes but are not municipalities: name them after
    their postcode rows, at their largest postal place (Longyearbyen, not Bjørnøya)."""
    for row in postcode_rows:
        number = row["municipality_number"]
        if number in municipalities:
            continue
        largest = max(
            (entry for (_, n), entry in postal_places.items() if n == number),
            key=lambda entry: len(entry.latitudes),
        )
        municipalities[number] = _Municipality(
            number=number,
            name=row["municipality"],
            county=row["county"],
            latitude=_median(largest.latitudes),
            longitude=_median(largest.longitudes),
            alt_names=(),
            population=0,
        )


def _qualifiers(municipalities: Iterable[_Municipality]) -> dict[str, _Qualifier]:
    counties: dict[str, set[str]] = defaultdict(set)
    numbers: dict[str, set[str]] = defaultdict(set)
    for municipality in municipalities:
        if municipality.county:
            counties[normalize(municipality.county)].add(municipality.county)
        for name in (municipality.name, *municipality.alt_names):
            numbers[normalize(name)].add(municipality.number)
    for former, current in _FORMER_COUNTIES.items():
        counties[normalize(former)].update(current)
    return {
        key: _Qualifier(frozenset(counties.get(key, ())), frozenset(numbers.get(key, ())))
        for key in counties.keys() | numbers.keys()
    }


def _median(values: list[float]) -> float:
    """The median, rounded so that the midpoint of two 5-decimal points stays readable."""
    return round(statistics.median(values), 6)


def _trimmed(text: object) -> str:
    return text.strip()[:MAX_INPUT_CHARS].strip() if isinstance(text, str) else ""


def _is_postcode(token: str) -> bool:
    return len(token) == 4 and token.isascii() and token.isdigit()


def _strip_noise(key: str) -> str:
    """Drop "sentrum", "kommune" and the like before or after a name, never the whole text."""
    words = key.split()
    changed = True
    while changed:
        changed = False
        for phrase in _NOISE:
            size = len(phrase)
            if len(words) > size and tuple(words[-size:]) == phrase:
                words, changed = words[:-size], True
            elif len(words) > size and tuple(words[:size]) == phrase:
                words, changed = words[size:], True
    return " ".join(words)


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded from ``services/data`` on first use."""
    return Gazetteer.from_csv(DATA_DIR / "no_postcodes.csv", DATA_DIR / "no_municipalities.csv")
