"""What every Leaflet map of the portal is told: the offline outline it draws as its base
layer, and the raster tiles a site may add (MAP_TILE_URL)."""

from django.conf import settings
from django.templatetags.static import static


def map_attributes():
    """Data attributes for a map element; the map scripts read them (no inline script)."""
    return {
        "data-outline-url": static("data/norway-counties.geojson"),
        "data-detail-outline-url": static("data/norway-municipalities.geojson"),
        "data-tile-url": settings.MAP_TILE_URL,
        "data-tile-attribution": settings.MAP_TILE_ATTRIBUTION,
        # Leaflet guesses its marker images' folder from its CSS, which fails with hashed
        # file names: the map scripts set them from these instead.
        "data-icon-url": static("leaflet/images/marker-icon.png"),
        "data-icon-retina-url": static("leaflet/images/marker-icon-2x.png"),
        "data-icon-shadow-url": static("leaflet/images/marker-shadow.png"),
    }
