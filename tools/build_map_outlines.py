"""Build the map's offline base layer from Kartverket's outlines in ../shared/data.

Run once when the outlines change: python tools/build_map_outlines.py
It simplifies each ring (Douglas–Peucker) and rounds to 4 decimals (about 10 m), so the
browser gets a few hundred kB instead of 2 MB. Data: © Kartverket, CC BY 4.0.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data"
TARGET = ROOT / "static" / "data"
OUTLINES = [
    ("no_counties_outline.geojson", "norway-counties.geojson", 0.006, ("fylkesnummer", "name")),
    (
        "no_municipalities_outline.geojson",
        "norway-municipalities.geojson",
        0.002,
        ("kommunenummer", "name"),
    ),
]


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


def simplify_polygon(rings, tolerance):
    result = []
    for ring in rings:
        small = [[round(x, 4), round(y, 4)] for x, y in simplify(ring, tolerance)]
        if len(small) >= 4:
            result.append(small)
    return result


def build(source, target, tolerance, keys):
    data = json.loads((SOURCE / source).read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        simplified = [p for p in (simplify_polygon(rings, tolerance) for rings in polygons) if p]
        features.append(
            {
                "type": "Feature",
                "properties": {key: feature["properties"][key] for key in keys},
                "geometry": {"type": "MultiPolygon", "coordinates": simplified},
            }
        )
    output = {"type": "FeatureCollection", "features": features}
    (TARGET / target).write_text(json.dumps(output, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(features)} features, {(TARGET / target).stat().st_size // 1024} kB")


if __name__ == "__main__":
    if not SOURCE.exists():
        sys.exit(f"No outlines at {SOURCE}")
    TARGET.mkdir(parents=True, exist_ok=True)
    for outline in OUTLINES:
        build(*outline)
