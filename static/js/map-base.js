/*
 * The base layer every map of the portal shares: the bundled outline of Norway's counties
 * (and the municipalities in view when zoomed in), drawn from this site's own static files, so a map
 * needs no tile server and sends nothing to a third party. A site that trusts a tile
 * server sets MAP_TILE_URL, and its tiles are drawn below the outline.
 */
window.DinUtveiMap = (function () {
  "use strict";

  var COUNTY_DETAIL_ZOOM = 7;
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
    // Three outlines, each simplified for the zoom at which it is drawn
    // (tools/build_map_outlines.py): the counties for the whole country, the counties in
    // more detail from COUNTY_DETAIL_ZOOM, and from DETAIL_ZOOM the municipalities of the
    // counties in view only, one file per county.
    var overview = null;
    var counties = null;
    var municipalityUrls = data.municipalityUrls ? JSON.parse(data.municipalityUrls) : {};
    var municipalities = {};  // county number → layer, or "loading"

    function lazyLayer(url, layerStyle, done) {
      fetchJson(url).then(function (geojson) {
        done(L.geoJSON(geojson, { style: layerStyle, interactive: false }));
      }).catch(function () { done(null); /* the markers still show */ });
    }

    function show(layer, wanted) {
      if (!layer || layer === "loading") {
        return;
      }
      if (wanted && !map.hasLayer(layer)) {
        layer.addTo(map);
        layer.bringToBack();
      } else if (!wanted && map.hasLayer(layer)) {
        map.removeLayer(layer);
      }
    }

    function countiesInView() {
      var view = map.getBounds();
      var numbers = [];
      if (overview && overview !== "loading") {
        overview.eachLayer(function (layer) {
          var box = layer.feature.properties.bbox;  // [west, south, east, north]
          if (box && view.intersects(L.latLngBounds([box[1], box[0]], [box[3], box[2]]))) {
            numbers.push(layer.feature.properties.fylkesnummer);
          }
        });
      }
      return numbers;
    }

    function showDetail() {
      var zoom = map.getZoom();
      var detailed = zoom >= COUNTY_DETAIL_ZOOM && data.outlineDetailUrl;
      if (detailed && !counties) {
        counties = "loading";
        lazyLayer(data.outlineDetailUrl, style(1.2), function (layer) {
          counties = layer;
          showDetail();
        });
      }
      show(counties, detailed);
      show(overview, !detailed || !counties || counties === "loading");
      var inView = zoom >= DETAIL_ZOOM ? countiesInView() : [];
      inView.forEach(function (number) {
        if (!municipalities[number] && municipalityUrls[number]) {
          municipalities[number] = "loading";
          lazyLayer(municipalityUrls[number], Object.assign(style(0.6), { fillOpacity: 0 }),
            function (layer) {
              municipalities[number] = layer;
              showDetail();
            });
        }
      });
      Object.keys(municipalities).forEach(function (number) {
        show(municipalities[number], inView.indexOf(number) !== -1);
      });
    }

    if (data.outlineUrl) {
      overview = "loading";
      lazyLayer(data.outlineUrl, style(1.2), function (layer) {
        overview = layer;
        showDetail();
      });
    }
    map.on("moveend", showDetail);
    return map;
  }

  return { create: create, fetchJson: fetchJson };
})();
