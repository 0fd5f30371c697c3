"""What every Leaflet map of the portal is told: the offline outline it draws as its base
layer, and the raster tiles a site may add (MAP_TILE_URL)."""

import json
from functools import cache

from django.conf import settings
from django.templatetags.static import static


def map_attributes():
    """Data attributes for a map element; the map scripts read them (no inline script)."""
    return {
        # tools/build_map_outlines.py: each outline simplified for the zoom it is drawn at.
        "data-outline-url": static("data/norway-counties-overview.geojson"),
        "data-outline-detail-url": static("data/norway-counties.geojson"),
        "data-municipality-urls": _municipality_urls(),
        "data-tile-url": settings.MAP_TILE_URL,
        "data-tile-attribution": settings.MAP_TILE_ATTRIBUTION,
        # Leaflet guesses its marker images' folder from its CSS, which fails with hashed
        # file names: the map scripts set them from these instead.
        "data-icon-url": static("leaflet/images/marker-icon.png"),
        "data-icon-retina-url": static("leaflet/images/marker-icon-2x.png"),
        "data-icon-shadow-url": static("leaflet/images/marker-shadow.png"),
    }


MUNICIPALITY_OUTLINES = settings.BASE_DIR / "static" / "data" / "municipalities"


@cache
def _municipality_urls():
    """County number → its municipalities' outline (hashed name in production)."""
    return json.dumps(
        {
            path.stem: static(f"data/municipalities/{path.name}")
            for path in sorted(MUNICIPALITY_OUTLINES.glob("*.geojson"))
        },
        separators=(",", ":"),
    )
