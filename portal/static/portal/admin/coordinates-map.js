// The fiche's location picked on a map in the Wagtail admin (cms/models/widgets.py): the
// country shapes the portal ships (no tile server), a marker at the typed coordinates, and a
// click that writes the latitude and longitude (5 decimals, about a metre).
(function () {
  "use strict";
  function setUp(element) {
    if (element.dataset.ready || typeof L === "undefined") return;
    element.dataset.ready = "true";
    var form = element.closest("form") || document;
    var latitude = form.querySelector("input[name='" + element.dataset.latitude + "']");
    var longitude = form.querySelector("input[name='" + element.dataset.longitude + "']");
    var map = L.map(element, { minZoom: 1, maxZoom: 12, worldCopyJump: true });
    var marker = null;

    function typed() {
      var lat = parseFloat(latitude.value), lon = parseFloat(longitude.value);
      return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
    }
    function place(position, zoom) {
      if (!position) return;
      if (marker) marker.setLatLng(position);
      else marker = L.marker(position, { keyboard: false }).addTo(map);
      if (zoom) map.setView(position, Math.max(map.getZoom(), 5));
    }

    var start = typed();
    map.setView(start || [20, 0], start ? 6 : 1);
    place(start);
    fetch(element.dataset.shapes)
      .then(function (response) { return response.json(); })
      .then(function (atlas) {
        var shapes = topojson.feature(atlas, atlas.objects.countries);
        L.geoJSON(shapes, {
          style: { color: "#666", weight: 0.5, fillColor: "#e5e5f4", fillOpacity: 1 },
          interactive: false,
        }).addTo(map);
      });
    map.on("click", function (event) {
      var point = event.latlng.wrap();
      latitude.value = point.lat.toFixed(5);
      longitude.value = point.lng.toFixed(5);
      [latitude, longitude].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
      place([point.lat, point.lng]);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () { place(typed(), true); });
    });
    // The map may sit in a tab that was hidden when it was drawn.
    new IntersectionObserver(function () { map.invalidateSize(); }).observe(element);
  }
  function setUpAll() {
    document.querySelectorAll("[data-coordinates-map]").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", setUpAll);
  window.addEventListener("load", setUpAll);
})();
