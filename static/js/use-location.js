/*
 * "Use my location" on every search form that offers it (home, services). Without
 * JavaScript, or without geolocation, the button stays hidden. The position is rounded
 * to about 1 km before it leaves the browser, and sent by POST: it never stands in an
 * address, so it is not kept in the browser's history (docs/decisions/0012).
 */
(function () {
  "use strict";

  // About 1 km: enough to rank the nearest services, too coarse to point at a home.
  var LOCATION_DECIMALS = 2;

  function submitPosition(form, latitude, longitude) {
    form.elements.lat.value = latitude.toFixed(LOCATION_DECIMALS);
    form.elements.lon.value = longitude.toFixed(LOCATION_DECIMALS);
    form.elements.q.value = "";
    form.method = "post";
    form.submit();
  }

  function enable(form) {
    var button = form.querySelector("[data-use-location]");
    // A form that already holds a position (a page of results near it) sends it by POST
    // again when a filter changes, never in the address.
    form.addEventListener("submit", function () {
      if (!form.elements.lat) {
        return;
      }
      if (form.elements.q.value) {
        // A place typed now wins: the old position is not sent at all.
        form.elements.lat.value = "";
        form.elements.lon.value = "";
      } else if (form.elements.lat.value) {
        form.method = "post";
      }
    });
    if (!button || !("geolocation" in navigator)) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        submitPosition(form, position.coords.latitude, position.coords.longitude);
      }, function () {
        button.disabled = false;
        var message = form.querySelector("[data-location-error]");
        if (message) {
          message.hidden = false;
          message.focus();
        }
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-service-search]").forEach(enable);
  });
})();
