"""Build the map's offline base layer from Kartverket's outlines in ../shared/data.

Run once when the outlines change: python tools/build_map_outlines.py
Each ring is simplified (Douglas–Peucker) for the zoom at which it is drawn, and rounded
to what that zoom can show, so a phone fetches a few tens of kB for the first view:

- norway-counties-overview.geojson: counties for the whole country (zoom < 7), with each
  county's bounding box, from which the map knows which municipalities to fetch;
- norway-counties.geojson: counties in more detail (zoom 7 and closer);
- municipalities/<county number>.geojson: one county's municipalities (zoom 8 and closer),
  fetched only for the counties in view.

Data: © Kartverket, CC BY 4.0.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data"
TARGET = ROOT / "static" / "data"
COUNTIES = "no_counties_outline.geojson"
MUNICIPALITIES = "no_municipalities_outline.geojson"
# (file, tolerance in degrees, decimals): a tolerance near a pixel at the zoom drawn.
OVERVIEW = ("norway-counties-overview.geojson", 0.02, 3)
COUNTIES_DETAIL = ("norway-counties.geojson", 0.006, 4)
MUNICIPALITIES_DETAIL = ("municipalities", 0.002, 4)


def _distance_to_segment(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points, tolerance):
    """Douglas–Peucker, iterative so that long coastlines do not hit the recursion limit."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_polygon(rings, tolerance, decimals):
    result = []
    for ring in rings:
        small = [[round(x, decimals), round(y, decimals)] for x, y in simplify(ring, tolerance)]
        if len(small) >= 4:
            result.append(small)
    return result


def simplified(feature, tolerance, decimals, keys, extra=None):
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    coordinates = [
        p for p in (simplify_polygon(rings, tolerance, decimals) for rings in polygons) if p
    ]
    properties = {key: feature["properties"][key] for key in keys}
    properties.update(extra or {})
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
    }


def bounding_box(feature):
    """[west, south, east, north] of a feature, from its full-detail outline."""
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    points = [point for rings in polygons for ring in rings for point in ring]
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    return [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]


def write(path, features):
    path.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(features)} features, {path.stat().st_size // 1024} kB")


def build():
    counties = json.loads((SOURCE / COUNTIES).read_text(encoding="utf-8"))["features"]
    municipalities = json.loads((SOURCE / MUNICIPALITIES).read_text(encoding="utf-8"))["features"]
    keys = ("fylkesnummer", "name")
    name, tolerance, decimals = OVERVIEW
    write(
        TARGET / name,
        [
            simplified(county, tolerance, decimals, keys, {"bbox": bounding_box(county)})
            for county in counties
        ],
    )
    name, tolerance, decimals = COUNTIES_DETAIL
    write(TARGET / name, [simplified(county, tolerance, decimals, keys) for county in counties])
    folder, tolerance, decimals = MUNICIPALITIES_DETAIL
    for old in (TARGET / folder).glob("*.geojson"):
        old.unlink()
    for county in counties:
        number = county["properties"]["fylkesnummer"]
        # A municipality's number begins with its county's.
        members = [m for m in municipalities if m["properties"]["kommunenummer"][:2] == number]
        write(
            TARGET / folder / f"{number}.geojson",
            [simplified(m, tolerance, decimals, ("kommunenummer", "name")) for m in members],
        )


if __name__ == "__main__":
    if not SOURCE.exists():
        sys.exit(f"No outlines at {SOURCE}")
    build()
