/*
 * The admin's map for placing a service: click or drag the marker to set latitude and
 * longitude; the point then counts as exact. Typing in the fields moves the marker.
 */
(function () {
  "use strict";

  function init(element) {
    var lat = document.getElementById(element.dataset.latitudeInput);
    var lon = document.getElementById(element.dataset.longitudeInput);
    var precision = element.dataset.precisionInput ?
      document.getElementById(element.dataset.precisionInput) : null;
    if (!lat || !lon) {
      return;
    }
    var map = window.DinUtveiMap.create(element);
    var marker = null;

    function current() {
      var a = parseFloat(lat.value), b = parseFloat(lon.value);
      return isNaN(a) || isNaN(b) ? null : [a, b];
    }

    function place(point, fromMap) {
      if (!marker) {
        marker = L.marker(point, { draggable: true, keyboard: true }).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(point);
      }
      if (fromMap) {
        var p = L.latLng(point);
        lat.value = p.lat.toFixed(6);
        lon.value = p.lng.toFixed(6);
        if (precision) {
          precision.value = "exact";
        }
      }
    }

    var start = current();
    if (start) {
      map.setView(start, 13);
      place(start, false);
    } else {
      map.fitBounds([[57.8, 4.5], [71.3, 31.2]]);
    }
    map.on("click", function (event) { place(event.latlng, true); });
    [lat, lon].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = current();
        if (point) {
          place(point, false);
          map.panTo(point);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".admin-map-point").forEach(init);
  });
})();
