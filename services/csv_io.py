"""Import and export of the registry as CSV: the editors' bulk tool and the demo data's
format. Import is keyed on the public id where the file has one (so a service renamed in
the file stays the same service), else on the slug: importing the same file twice changes
nothing."""

import csv
import datetime as dt
import io
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.i18n import localized_names

from . import opening_hours
from .models import ClientGroup, Municipality, OpeningPeriod, Service, ServiceCategory
from .services import service_save

TRANSLATED = ("description", "opening_hours_note")
BOOLEANS = ("is_national", "is_open_24_7", "is_free", "needs_referral", "is_published", "is_demo")
PLAIN = (
    "name",
    "street_address",
    "postcode",
    "place",
    "location_precision",
    "phone",
    "phone_24h",
    "email",
    "website",
)


def columns():
    languages = [code for code, _name in settings.LANGUAGES]
    return [
        "id",
        "slug",
        "name",
        "category",
        "is_national",
        *[f"description_{code}" for code in languages],
        "street_address",
        "postcode",
        "place",
        "latitude",
        "longitude",
        "location_precision",
        "phone",
        "phone_24h",
        "email",
        "website",
        "is_open_24_7",
        "opening_hours",
        *[f"opening_hours_note_{code}" for code in languages],
        "client_groups",
        "serves_municipalities",
        "languages",
        "is_free",
        "needs_referral",
        "wheelchair_accessible",
        "is_published",
        "is_demo",
        "last_verified",
    ]


@dataclass
class RowOutcome:
    """What one row did, or would do: "created", "updated", "unchanged" or "rejected"."""

    line: int
    slug: str
    name: str
    outcome: str
    changed: list = field(default_factory=list)  # the changed fields' names
    message: str = ""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line number, message)
    rows: list = field(default_factory=list)  # RowOutcome, one per row

    @property
    def changes(self):
        return self.created + self.updated


def _boolean(value, *, allow_empty=False):
    value = (value or "").strip().lower()
    if value in {"true", "1", "yes", "ja"}:
        return True
    if value in {"false", "0", "no", "nei"}:
        return False
    if value == "" and allow_empty:
        return None
    raise ValueError(f"not true or false: {value!r}")


def _public_id(value):
    value = (value or "").strip()
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"the id {value!r} is not a UUID") from None


def _municipalities(cell):
    """The municipalities a row says it serves (numbers, "|"-separated); None when the file
    has no such column, so that an older file leaves them as they are."""
    if cell is None:
        return None
    numbers = [number.strip() for number in cell.split("|") if number.strip()]
    found = list(Municipality.objects.filter(number__in=numbers))
    unknown = sorted(set(numbers) - {municipality.number for municipality in found})
    if unknown:
        raise ValueError(f"unknown municipality {', '.join(unknown)}")
    return found


def _float(value):
    value = (value or "").strip()
    return float(value) if value else None


def _snapshot(service):
    # An empty text is an empty text, whether the database holds NULL or "".
    data = {name: getattr(service, name) for name in _model_fields()}
    data.update({name: data[name] or "" for name in localized_names(TRANSLATED)})
    data["client_groups"] = sorted(service.client_groups.values_list("slug", flat=True))
    data["serves"] = sorted(service.serves_municipalities.values_list("number", flat=True))
    data["opening"] = sorted(service.opening_periods.values_list("weekday", "opens", "closes"))
    return data


def _model_fields():
    return [
        *PLAIN,
        *BOOLEANS,
        *localized_names(TRANSLATED),
        "category_id",
        "latitude",
        "longitude",
        "languages",
        "wheelchair_accessible",
        "last_verified",
    ]


def import_rows(rows):
    """Create or update one service per row. Each row is saved on its own: a bad row is
    reported with its line number and leaves the others in."""
    result = ImportResult()
    categories = {category.slug: category for category in ServiceCategory.objects.all()}
    groups = {group.slug: group for group in ClientGroup.objects.all()}
    for line, row in enumerate(rows, start=2):
        slug, name = (row.get("slug") or "").strip(), (row.get("name") or "").strip()
        try:
            with transaction.atomic():
                outcome, changed = _import_row(row, categories, groups)
        except (ValueError, KeyError, ValidationError, opening_hours.OpeningHoursError) as error:
            message = (
                "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            )
            result.errors.append((line, message))
            result.rows.append(RowOutcome(line, slug, name, "rejected", message=message))
            continue
        setattr(result, outcome, getattr(result, outcome) + 1)
        result.rows.append(RowOutcome(line, slug, name, outcome, changed))
    return result


def preview_rows(rows):
    """What import_rows would do with these rows, row by row and field by field, without
    keeping any of it: the import runs in a transaction that is rolled back."""
    with transaction.atomic():
        result = import_rows(rows)
        transaction.set_rollback(True)
    return result


def _import_row(row, categories, groups):
    slug = (row.get("slug") or "").strip()
    if not slug:
        raise ValueError("no slug")
    category = categories.get((row.get("category") or "").strip())
    if category is None:
        raise ValueError(f"unknown category {row.get('category')!r}")
    public_id = _public_id(row.get("id"))
    service = None
    if public_id:
        service = Service.objects.filter(public_id=public_id).first()
    service = service or Service.objects.filter(slug=slug).first()
    before = _snapshot(service) if service else None
    service = service or Service(slug=slug, public_id=public_id)
    service.slug = slug
    service.category = category
    for name in PLAIN:
        if name in row:
            setattr(service, name, (row[name] or "").strip())
    service.location_precision = service.location_precision or "approximate"
    for name in BOOLEANS:
        if name in row:
            setattr(service, name, _boolean(row[name]))
    for name in TRANSLATED:
        for code, _language in settings.LANGUAGES:
            column = f"{name}_{code}"
            if column in row:
                setattr(service, column, (row[column] or "").strip())
    service.latitude, service.longitude = _float(row.get("latitude")), _float(row.get("longitude"))
    service.languages = [code for code in (row.get("languages") or "").split("|") if code]
    service.wheelchair_accessible = _boolean(row.get("wheelchair_accessible"), allow_empty=True)
    verified = (row.get("last_verified") or "").strip()
    service.last_verified = dt.date.fromisoformat(verified) if verified else None
    periods = opening_hours.parse(row.get("opening_hours", ""))
    # "target_groups" is the column's name in files exported before 2026-12.
    cell = row.get("client_groups", row.get("target_groups")) or ""
    group_slugs = [slug for slug in cell.split("|") if slug]
    unknown = [slug for slug in group_slugs if slug not in groups]
    if unknown:
        raise ValueError(f"unknown client group {', '.join(unknown)}")

    served = _municipalities(row.get("serves_municipalities"))

    service_save(service=service)
    service.client_groups.set([groups[slug] for slug in group_slugs])
    if served is not None:
        service.serves_municipalities.set(served)
    current = sorted(service.opening_periods.values_list("weekday", "opens", "closes"))
    if current != periods:
        service.opening_periods.all().delete()
        OpeningPeriod.objects.bulk_create(
            OpeningPeriod(service=service, weekday=day, opens=opens, closes=closes)
            for day, opens, closes in periods
        )
    if before is None:
        return "created", []
    after = _snapshot(service)
    changed = [name for name in after if after[name] != before[name]]
    return ("updated" if changed else "unchanged"), changed


# Delimiters a spreadsheet may save with: a Norwegian Excel saves ";".
DELIMITERS = ",;\t"
# A cell that starts with one of these is a formula to a spreadsheet (=HYPERLINK(…) sends
# the editor's data elsewhere when clicked): export prefixes such a cell with an apostrophe,
# which spreadsheets show as text, and import takes the apostrophe off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvFileError(ValueError):
    """A file that cannot be read as CSV at all (the message is for the editor)."""


def decode_csv(data):
    """Text from a file's bytes: UTF-8 (with or without a byte-order mark), else
    Windows-1252, which is what a spreadsheet in Norwegian saves as "CSV" and a superset of
    Latin-1's letters."""
    if b"\x00" in data:
        raise CsvFileError(_("the file is not text (is it a spreadsheet file, not CSV?)"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(source):
    """Rows as dicts from CSV text (a string or a text file), with the delimiter sniffed
    from the header line."""
    text = source if isinstance(source, str) else source.read()
    header = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is taken from the sniffer: quoting stays the spreadsheets' standard.
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    if not rows or "slug" not in rows[0]:
        raise CsvFileError(_("the file has no header row with a “slug” column"))
    return [{key: _as_imported(value) for key, value in row.items() if key} for row in rows]


def _as_exported(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _as_imported(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def export_rows(services):
    """One dict per service, in the columns import_rows reads."""
    languages = [code for code, _name in settings.LANGUAGES]
    services = services.select_related("category").prefetch_related(
        "client_groups", "opening_periods", "serves_municipalities"
    )
    for service in services.order_by("slug"):
        row = {
            "id": str(service.public_id),
            "slug": service.slug,
            "category": service.category.slug,
            "latitude": "" if service.latitude is None else f"{service.latitude:.6f}",
            "longitude": "" if service.longitude is None else f"{service.longitude:.6f}",
            "opening_hours": opening_hours.format_periods(
                (p.weekday, p.opens, p.closes) for p in service.opening_periods.all()
            ),
            "client_groups": "|".join(sorted(g.slug for g in service.client_groups.all())),
            "serves_municipalities": "|".join(
                sorted(m.number for m in service.serves_municipalities.all())
            ),
            "languages": "|".join(service.languages),
            "wheelchair_accessible": ""
            if service.wheelchair_accessible is None
            else str(service.wheelchair_accessible).lower(),
            "last_verified": service.last_verified.isoformat() if service.last_verified else "",
        }
        for name in PLAIN:
            row[name] = getattr(service, name)
        for name in BOOLEANS:
            row[name] = str(getattr(service, name)).lower()
        for name in TRANSLATED:
            for code in languages:
                row[f"{name}_{code}"] = getattr(service, f"{name}_{code}") or ""
        yield row


def write_csv(file, services):
    writer = csv.DictWriter(file, fieldnames=columns())
    writer.writeheader()
    count = 0
    for row in export_rows(services):
        writer.writerow({key: _as_exported(value) for key, value in row.items()})
        count += 1
    return count
