/*
 * The base layer every map of the portal shares: the bundled outline of Norway's counties
 * (municipalities when zoomed in), drawn from this site's own static files, so a map
 * needs no tile server and sends nothing to a third party. A site that trusts a tile
 * server sets MAP_TILE_URL, and its tiles are drawn below the outline.
 */
window.DinUtveiMap = (function () {
  "use strict";

  var DETAIL_ZOOM = 8;

  function outlineStyle(weight) {
    return { color: "#4a4a6a", weight: weight, fillColor: "#eef0f5", fillOpacity: 1 };
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  // The marker images by the URLs the page gives (hashed names in production), never
  // guessed from the stylesheet's path.
  function useIconUrls(data) {
    if (!data.iconUrl) {
      return;
    }
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: data.iconUrl,
      iconRetinaUrl: data.iconRetinaUrl,
      shadowUrl: data.iconShadowUrl
    });
  }

  function create(element, options) {
    useIconUrls(element.dataset);
    var map = L.map(element, Object.assign({ zoomSnap: 0.5, minZoom: 3, maxZoom: 18 }, options || {}));
    var data = element.dataset;
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || "", maxZoom: 18 }).addTo(map);
    } else {
      map.getContainer().classList.add("map--offline");
      map.attributionControl.addAttribution("© Kartverket (CC BY 4.0)");
    }
    var fill = !data.tileUrl;
    function style(weight) {
      var s = outlineStyle(weight);
      if (!fill) {
        s.fillOpacity = 0;
      }
      return s;
    }
    var counties = null;
    var municipalities = null;
    if (data.outlineUrl) {
      fetchJson(data.outlineUrl).then(function (geojson) {
        counties = L.geoJSON(geojson, { style: style(1.2), interactive: false });
        counties.addTo(map);
        counties.bringToBack();
      }).catch(function () { /* the markers still show */ });
    }
    function showDetail() {
      if (!data.detailOutlineUrl) {
        return;
      }
      var zoomedIn = map.getZoom() >= DETAIL_ZOOM;
      if (zoomedIn && !municipalities) {
        municipalities = "loading";
        fetchJson(data.detailOutlineUrl).then(function (geojson) {
          municipalities = L.geoJSON(geojson, {
            style: Object.assign(style(0.6), { fillOpacity: 0 }), interactive: false
          });
          showDetail();
        }).catch(function () { municipalities = null; });
        return;
      }
      if (municipalities && municipalities !== "loading") {
        if (zoomedIn && !map.hasLayer(municipalities)) {
          municipalities.addTo(map);
        } else if (!zoomedIn && map.hasLayer(municipalities)) {
          map.removeLayer(municipalities);
        }
      }
    }
    map.on("zoomend", showDetail);
    return map;
  }

  return { create: create, fetchJson: fetchJson };
})();
