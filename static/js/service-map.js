/*
 * The services map: the list's services as clustered markers whose popups link to each
 * service's page. The list works without it; this only adds the map.
 */
(function () {
  "use strict";

  var NORWAY = [[57.8, 4.5], [71.3, 31.2]];

  function popupContent(properties) {
    var wrapper = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    var strong = document.createElement("strong");
    strong.appendChild(link);
    wrapper.appendChild(strong);
    var meta = document.createElement("div");
    meta.textContent = properties.category +
      (properties.distance_km !== undefined ? " · " + properties.distance_km + " km" : "");
    wrapper.appendChild(meta);
    if (properties.places) {
      var places = document.createElement("div");
      places.textContent = properties.places;
      wrapper.appendChild(places);
    }
    return wrapper;
  }

  function servicesMap(element) {
    element.hidden = false;
    var map = window.DinUtveiMap.create(element);
    map.fitBounds(NORWAY);
    var cluster = L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.featureGroup();
    cluster.addTo(map);
    // A search's markers come with the page (data-geojson); the list of every service
    // names the address of its markers instead.
    var loaded = element.dataset.geojson ?
      Promise.resolve(JSON.parse(element.dataset.geojson)) :
      window.DinUtveiMap.fetchJson(element.dataset.geojsonUrl);
    loaded.then(function (collection) {
      var markers = collection.features.map(function (feature) {
        var c = feature.geometry.coordinates;
        var marker = L.marker([c[1], c[0]], { title: feature.properties.name, alt: feature.properties.name });
        marker.bindPopup(popupContent(feature.properties));
        return marker;
      });
      cluster.addLayers ? cluster.addLayers(markers) : markers.forEach(function (m) { cluster.addLayer(m); });
      element.dataset.markerCount = String(markers.length);
      if (markers.length) {
        map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [24, 24], maxZoom: 13 });
      }
      element.dispatchEvent(new CustomEvent("services-map:ready", { bubbles: true }));
    }).catch(function () {
      element.dataset.markerCount = "0";
    });
  }

  function singleServiceMap(element) {
    element.hidden = false;
    var point = [parseFloat(element.dataset.latitude), parseFloat(element.dataset.longitude)];
    var map = window.DinUtveiMap.create(element);
    map.setView(point, 12);
    L.marker(point, { title: element.dataset.name, alt: element.dataset.name }).addTo(map);
    element.dataset.markerCount = "1";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var element = document.getElementById("service-map");
    if (!element || typeof L === "undefined") {
      return;
    }
    if (element.dataset.latitude) {
      singleServiceMap(element);
    } else {
      servicesMap(element);
    }
  });
})();
