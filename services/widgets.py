from django import forms

from core.maps import map_attributes


class MapPointWidget(forms.NumberInput):
    """The latitude input with a Leaflet map below it: clicking or dragging the marker
    sets latitude and longitude. Without JavaScript the two inputs work as they are."""

    template_name = "services/widgets/map_point.html"

    def __init__(self, longitude_input_id="id_longitude", precision_input_id=None, attrs=None):
        super().__init__(attrs={"step": "any", **(attrs or {})})
        self.longitude_input_id = longitude_input_id
        self.precision_input_id = precision_input_id

    class Media:
        css = {"all": ["leaflet/leaflet.css", "css/admin-map.css"]}
        js = ["leaflet/leaflet.js", "js/map-base.js", "js/admin-map-point.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["map_attrs"] = {
            **map_attributes(),
            "data-latitude-input": context["widget"]["attrs"].get("id", ""),
            "data-longitude-input": self.longitude_input_id,
            "data-precision-input": self.precision_input_id or "",
        }
        return context
