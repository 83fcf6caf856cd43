/*
 * The map of authorities (templates/components/map.html).
 *
 * Runs the operation of graphql/map.graphql once, then filters in the browser: each point
 * carries what the API's mapFeatures filters look at (country, kind, French flag, themes) and
 * its open-call counts, so a filter change costs no request. The filters live in the address
 * (same names as the API and the directories) so that a filtered map can be shared.
 * Every visible string comes translated from the server (config.strings).
 */
(function () {
  "use strict";

  const root = document.querySelector("[data-map-widget]");
  if (!root || typeof L === "undefined" || typeof Supercluster === "undefined") {
    return;
  }
  const config = JSON.parse(document.getElementById(root.dataset.config).textContent);
  const S = config.strings;
  const FILTERS = ["direction", "theme", "country", "kind", "french"];
  const numbers = new Intl.NumberFormat(config.numberLocale);
  // Country names in the visitor's language's alphabetical order (the browser's ICU).
  const byName = new Intl.Collator(config.locale).compare;

  const ui = {
    form: root.querySelector("[data-map-filters]"),
    count: root.querySelector("[data-map-count]"),
    notice: root.querySelector("[data-map-notice]"),
    noticeText: root.querySelector("[data-map-notice-text]"),
    retry: root.querySelector("[data-map-retry]"),
    canvas: root.querySelector("[data-map-canvas]"),
    results: root.querySelector("[data-map-results]"),
    empty: root.querySelector("[data-map-empty]"),
    more: root.querySelector("[data-map-more]"),
    coverageToggle: root.querySelector("[data-map-coverage-toggle]"),
    coverageLegend: root.querySelector("[data-map-coverage-legend]"),
    coverageRows: root.querySelector("[data-map-coverage-rows]"),
  };

  const state = {
    features: [],
    byId: new Map(),
    markers: new Map(),
    countries: new Map(),
    themes: new Map(),
    kinds: new Map(config.kinds.map((kind) => [kind.value, kind.label])),
    french: new Set(config.frenchCountries),
    filters: emptyFilters(),
    matching: [],
    shown: 0,
    firstShown: false,
    returnFocus: null,
  };

  // --- small helpers -------------------------------------------------------------------

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, (match, name) =>
      name in values ? String(values[name]) : match
    );
  }

  function count(template, value) {
    return format(template, { count: numbers.format(value) });
  }

  /** An element with attributes and text or element children (never parsed as HTML). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? "" : value);
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(child);
      }
    }
    return node;
  }

  function emptyFilters() {
    return Object.fromEntries(FILTERS.map((name) => [name, ""]));
  }

  function showNotice(message, canRetry) {
    ui.noticeText.textContent = message;
    ui.retry.hidden = !canRetry;
    ui.notice.hidden = false;
  }

  function hideNotice() {
    ui.notice.hidden = true;
  }

  // --- what a point says ----------------------------------------------------------------

  function callsOf(p) {
    if (p.openOffers && p.openRequests) return "both";
    if (p.openOffers) return "offer";
    if (p.openRequests) return "request";
    return "none";
  }

  function countryName(code) {
    const row = state.countries.get(code);
    return row ? row.name : regionName(code);
  }

  function regionName(code) {
    try {
      return new Intl.DisplayNames([config.locale], { type: "region" }).of(code);
    } catch (error) {
      return code;
    }
  }

  function kindLabel(kind) {
    return state.kinds.get(String(kind).toLowerCase()) || "";
  }

  function callLines(p) {
    if (!p.openOffers && !p.openRequests) {
      return [S.noOpenCall];
    }
    const lines = [];
    if (p.openOffers) lines.push(count(S.openOffers, p.openOffers));
    if (p.openRequests) lines.push(count(S.openRequests, p.openRequests));
    return lines;
  }

  function ficheLink(p) {
    // A fiche not translated yet comes in its source language: say so, and mark its language.
    const foreignLanguage = p.locale !== config.locale;
    return el("a", { href: p.url, lang: foreignLanguage ? p.locale : null }, p.title);
  }

  // --- symbols: shape for French/foreign, colour and sign for open calls ---------------------

  const SHAPES = {
    french: '<rect x="3" y="3" width="18" height="18" rx="1.5"/>',
    foreign: '<circle cx="12" cy="12" r="9.5"/>',
  };
  const SIGNS = {
    none: "",
    offer: '<path d="M12 6.5l5.5 9.5h-11z"/>',
    request: '<path d="M6.5 8h11L12 17.5z"/>',
    both: '<path d="M12 5l6.5 7-6.5 7-6.5-7z"/>',
  };

  function symbol(origin, calls) {
    return (
      `<svg class="map-symbol map-symbol--${calls}" viewBox="0 0 24 24" width="24" height="24" ` +
      `aria-hidden="true" focusable="false"><g class="map-symbol__shape">${SHAPES[origin]}</g>` +
      `<g class="map-symbol__sign">${SIGNS[calls]}</g></svg>`
    );
  }

  const icons = new Map();

  function iconFor(p) {
    const key = `${p.french ? "french" : "foreign"}-${callsOf(p)}`;
    if (!icons.has(key)) {
      const [origin, calls] = key.split("-");
      icons.set(
        key,
        L.divIcon({
          className: `map-marker map-marker--${origin}`,
          html: symbol(origin, calls),
          iconSize: [24, 24],
          iconAnchor: [12, 12],
          popupAnchor: [0, -10],
        })
      );
    }
    return icons.get(key);
  }

  function fillLegend() {
    root.querySelectorAll("[data-map-symbol]").forEach((node) => {
      const [origin, calls] = node.dataset.mapSymbol.split("-");
      node.innerHTML = symbol(origin, calls);
    });
  }

  // --- the map --------------------------------------------------------------------------

  const map = L.map(ui.canvas, {
    zoomControl: false,
    minZoom: 1,
    // Authorities are towns and regions: zoom 10 shows a town (the clusters' last level).
    maxZoom: 10,
    worldCopyJump: true,
    maxBounds: [
      [-85, -240],
      [85, 240],
    ],
  });
  L.control.zoom({ zoomInTitle: S.zoomIn, zoomOutTitle: S.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(escapeHtml(S.attribution));
  map.setView([20, 10], config.compact ? 1 : 2);  // until the points arrive
  if (config.tiles) {
    ui.canvas.classList.add("map-widget__map--tiles");
    L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: 19 }).addTo(
      map
    );
  }

  function escapeHtml(text) {
    const node = document.createElement("span");
    node.textContent = text;
    return node.innerHTML;
  }

  // --- clusters: the matching points clustered per zoom level, on first use -----------------
  //
  // Each zoom level the map shows has its own Supercluster index of the matching points,
  // built when the map first shows that level (15,000 points: 10-50 ms, the world view the
  // dearest), and each move draws the clusters and markers of the visible area alone: a few
  // hundred Leaflet markers. Leaflet.markercluster made a marker for every point and
  // clustered them for every zoom level up front (~0.5 s before the first marker), and
  // Supercluster's own hierarchy of every level costs more than the world view alone. Points
  // closer than CLUSTER_RADIUS pixels share a cluster; at the last zoom, a cluster that still
  // holds several points (one town) opens the list of its fiches.

  const CLUSTER_RADIUS = 50;
  const layer = L.featureGroup().addTo(map);
  const drawn = new Map();  // key ("c" + cluster id or "p" + fiche id) → marker on the map
  const levels = new Map();  // zoom → Supercluster index of state.matching at that zoom

  /** The index of the matching points at ``zoom`` (built on first use). */
  function level(zoom) {
    const z = Math.max(map.getMinZoom(), Math.min(Math.round(zoom), map.getMaxZoom()));
    if (!levels.has(z)) {
      levels.set(
        z,
        new Supercluster({
          minZoom: z,
          maxZoom: z,
          radius: CLUSTER_RADIUS,
          extent: 256,  // Leaflet's tiles: the radius is in screen pixels
        }).load(state.matching)
      );
    }
    return levels.get(z);
  }

  function clusterIcon(size) {
    const level = size < 10 ? "s" : size < 100 ? "m" : "l";
    const label = escapeHtml(count(S.cluster, size));
    return L.divIcon({
      className: `map-cluster map-cluster--${level}`,
      html: `<span aria-hidden="true">${numbers.format(size)}</span><span class="fr-sr-only">${label}</span>`,
      iconSize: level === "s" ? [34, 34] : level === "m" ? [40, 40] : [48, 48],
    });
  }

  function clusterMarker(feature, zoom) {
    const [longitude, latitude] = feature.geometry.coordinates;
    return L.marker([latitude, longitude], {
      icon: clusterIcon(feature.properties.point_count),
      keyboard: true,
      cluster: feature.properties.cluster_id,
      zoom,
    });
  }

  /** The points of a cluster marker (GeoJSON features, as given to the index). */
  function leavesOf(marker) {
    return level(marker.options.zoom)
      .getLeaves(marker.options.cluster, Infinity)
      .map((leaf) => state.byId.get(leaf.properties.id));
  }

  /** Draw the clusters and markers of the visible area (and half a screen around it). */
  function draw() {
    if (!state.features.length) return;  // no data yet
    const bounds = map.getBounds().pad(0.5);
    const zoom = Math.round(map.getZoom());
    const box = [
      Math.max(bounds.getWest(), -180),
      Math.max(bounds.getSouth(), -85),
      Math.min(bounds.getEast(), 180),
      Math.min(bounds.getNorth(), 85),
    ];
    const wanted = new Map();
    for (const feature of level(zoom).getClusters(box, zoom)) {
      const p = feature.properties;
      if (p.cluster) {
        const key = `c${p.cluster_id}`;  // the id tells the zoom level too
        wanted.set(key, drawn.get(key) || clusterMarker(feature, zoom));
      } else {
        const key = `p${p.id}`;
        wanted.set(key, drawn.get(key) || markerOf(state.byId.get(p.id)));
      }
    }
    for (const [key, marker] of drawn) {
      if (!wanted.has(key)) layer.removeLayer(marker);
    }
    for (const [key, marker] of wanted) {
      if (!drawn.has(key)) layer.addLayer(marker);
    }
    drawn.clear();
    for (const [key, marker] of wanted) drawn.set(key, marker);
    root.dataset.zoom = String(zoom);  // what is drawn (the tests wait for it)
  }

  /** Forget the drawn markers and the indexes (the matching points changed). */
  function resetClusters() {
    layer.clearLayers();
    drawn.clear();
    levels.clear();
  }

  map.on("moveend", draw);

  /** A cluster's points: zoom to them (as Leaflet.markercluster does); at the last zoom,
   * list their fiches. */
  function expand(marker, byKeyboard) {
    const leaves = leavesOf(marker);
    if (marker.options.zoom < map.getMaxZoom()) {
      const bounds = boundsOf(leaves);
      if (map.getBoundsZoom(bounds) <= map.getZoom()) {
        map.setView(marker.getLatLng(), map.getZoom() + 1);
      } else {
        map.fitBounds(bounds);
      }
      if (byKeyboard) ui.canvas.focus();  // the cluster is gone: keep the focus in the map
      return;
    }
    const points = leaves.map((leaf) => leaf.properties);
    points.sort((a, b) => byName(a.title, b.title));
    marker.bindPopup(() => groupPopup(points), { maxWidth: 300 }).openPopup();
  }

  function groupPopup(points) {
    const box = el("div", { class: "map-popup", dir: config.dir });
    box.append(el("p", { class: "map-popup__title" }, count(S.fiches, points.length)));
    box.append(
      el("ul", { class: "map-popup__group" }, ...points.map((p) => el("li", {}, ficheLink(p))))
    );
    return box;
  }

  function markerOf(feature) {
    const p = feature.properties;
    let marker = state.markers.get(p.id);
    if (!marker) {
      const [longitude, latitude] = feature.geometry.coordinates;
      // The popup is bound on first use (withPopup): binding 15,000 up front costs a
      // popup object and four listeners each, a quarter of the time to the first markers.
      marker = L.marker([latitude, longitude], {
        icon: iconFor(p),
        title: p.title,
        keyboard: true,
        point: p,
      });
      state.markers.set(p.id, marker);
    }
    return marker;
  }

  /** ``marker`` with its popup bound (on first use). */
  function withPopup(marker) {
    if (!marker.getPopup()) {
      marker.bindPopup(() => authorityPopup(marker.options.point), { maxWidth: 280 });
    }
    return marker;
  }

  // A marker without its popup yet: the event reaches the group, which binds and opens it
  // (Enter on a focused marker is a keypress, as for Leaflet's own bound popups).
  layer.on("click keypress", (event) => {
    const marker = event.layer;
    const enter = event.type === "click" || event.originalEvent.key === "Enter";
    if (!enter || !(marker instanceof L.Marker)) return;
    if (marker.getPopup()) return;  // Leaflet's own handler opens and closes it
    if (marker.options.cluster !== undefined) {
      expand(marker, event.type === "keypress");
    } else if (marker.options.point) {
      withPopup(marker).openPopup();
    }
  });

  function authorityPopup(p) {
    const box = el("div", { class: "map-popup", dir: config.dir });
    box.append(el("p", { class: "map-popup__title" }, ficheLink(p)));
    if (p.locale !== config.locale) {
      box.append(el("p", { class: "map-popup__note" }, S.untranslated));
    }
    box.append(el("p", {}, [countryName(p.country), kindLabel(p.kind)].filter(Boolean).join(" · ")));
    box.append(el("p", {}, p.french ? S.french : S.foreign));
    box.append(el("ul", { class: "map-popup__calls" }, ...callLines(p).map((line) => el("li", {}, line))));
    return box;
  }

  map.on("popupopen", (event) => {
    // Leaflet writes its close button's label in English.
    const close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) {
      close.setAttribute("aria-label", S.closePopup);
      close.setAttribute("title", S.closePopup);
    }
  });
  map.on("popupclose", (event) => {
    // Back to the list entry that opened it, so keyboard users do not lose their place.
    const element = event.popup.getElement();
    const target = state.returnFocus;
    state.returnFocus = null;
    if (target && (!document.activeElement || document.activeElement === document.body ||
        (element && element.contains(document.activeElement)))) {
      target.focus();
    }
  });

  // --- coverage: countries shaded by cooperations with French authorities ------------------

  let coverage = null;
  let markersShown;
  const firstMarkers = new Promise((resolve) => {
    markersShown = resolve;
  });

  function coverageClass(row) {
    if (!row) return "map-country--none";
    let index = 0;
    config.coverageSteps.forEach((low, position) => {
      if (row.frenchCooperations >= low) index = position + 1;
    });
    return `map-country--c${index}` + (isWhiteZone(row) ? " map-country--white-zone" : "");
  }

  function isWhiteZone(row) {
    return (
      !state.french.has(row.code) &&
      row.frenchCooperations === 0 &&
      row.openRequestsWithoutFrenchPartner > 0
    );
  }

  function coverageRow(shape) {
    const code = config.numericCountries[shape.id];
    return code ? state.countries.get(code) : undefined;
  }

  function drawCoverage(shapes) {
    coverage = L.geoJSON(shapes, {
      style: (shape) => ({
        className: `map-country ${coverageClass(coverageRow(shape))}`,
        weight: 0.6,
        fillOpacity: config.tiles ? 0.55 : 1,
      }),
      onEachFeature: (shape, layer) => {
        const row = coverageRow(shape);
        if (row) {
          layer.bindPopup(() => countryPopup(row), { maxWidth: 300 });
        }
      },
    }).addTo(map);
    coverage.bringToBack();
    root.dataset.coverage = "drawn";
  }

  function countryPopup(row) {
    const box = el("div", { class: "map-popup", dir: config.dir });
    box.append(el("p", { class: "map-popup__title" }, row.name));
    box.append(
      el(
        "ul",
        { class: "map-popup__calls" },
        el("li", {}, count(S.fiches, row.authorities)),
        el("li", {}, count(S.frenchCooperations, row.frenchCooperations)),
        el("li", {}, count(S.openCalls, row.openCalls)),
        el("li", {}, count(S.requestsWithoutPartner, row.openRequestsWithoutFrenchPartner))
      )
    );
    if (isWhiteZone(row)) {
      box.append(el("p", { class: "map-popup__note" }, S.whiteZone));
    }
    if (ui.form) {
      const button = el("button", { type: "button", class: "fr-btn fr-btn--sm fr-btn--secondary" }, S.showCountry);
      button.addEventListener("click", () => {
        map.closePopup();
        apply({ ...state.filters, country: row.code }, true);
        ui.count.scrollIntoView({ block: "nearest" });
      });
      box.append(button);
    }
    return box;
  }

  function fillCoverageTable() {
    if (!ui.coverageRows) return;
    const rows = [...state.countries.values()].map((row) => {
      const name = el("th", { scope: "row" }, row.name);
      if (isWhiteZone(row)) {
        name.append(" ", el("span", { class: "fr-badge fr-badge--sm fr-badge--warning" }, S.whiteZone));
      }
      return el(
        "tr",
        {},
        name,
        el("td", {}, numbers.format(row.authorities)),
        el("td", {}, numbers.format(row.frenchCooperations)),
        el("td", {}, numbers.format(row.openCalls)),
        el("td", {}, numbers.format(row.openRequestsWithoutFrenchPartner))
      );
    });
    ui.coverageRows.replaceChildren(...rows);
  }

  function toggleCoverage(shown) {
    ui.canvas.classList.toggle("map-widget__map--coverage", shown);
    if (ui.coverageLegend) ui.coverageLegend.hidden = !shown;
  }

  // --- filters ---------------------------------------------------------------------------

  function normalise(name, raw) {
    const value = raw.trim();
    switch (name) {
      case "direction":
        return ["offer", "request"].includes(value.toLowerCase()) ? value.toLowerCase() : null;
      case "theme":
        return state.themes.has(value) ? value : null;
      case "country": {
        // Any ISO code is a valid filter, even for a country with no fiche yet (0 results).
        const code = value.toUpperCase();
        return Object.values(config.numericCountries).includes(code) ? code : null;
      }
      case "kind":
        return state.kinds.has(value.toLowerCase()) ? value.toLowerCase() : null;
      case "french":
        // french|foreign, as in the directories; the API's true|false are read too.
        return FRENCH_VALUES[value.toLowerCase()] || null;
      default:
        return null;
    }
  }

  const FRENCH_VALUES = { french: "french", true: "french", foreign: "foreign", false: "foreign" };

  /** Filters from an address's query string; unknown values are dropped and reported. */
  function readFilters(search) {
    const params = new URLSearchParams(search);
    const filters = emptyFilters();
    let rejected = false;
    for (const name of FILTERS) {
      const raw = params.get(name);
      if (!raw || !raw.trim()) continue;
      const value = normalise(name, raw);
      if (value === null) {
        rejected = true;
      } else {
        filters[name] = value;
      }
    }
    return { filters, rejected };
  }

  function matches(p, filters) {
    if (filters.direction === "offer" && !p.openOffers) return false;
    if (filters.direction === "request" && !p.openRequests) return false;
    if (filters.theme && !p.themes.includes(filters.theme)) return false;
    if (filters.country && p.country !== filters.country) return false;
    if (filters.kind && String(p.kind).toLowerCase() !== filters.kind) return false;
    if (filters.french && (p.french ? "french" : "foreign") !== filters.french) return false;
    return true;
  }

  function addressFor(filters) {
    const url = new URL(window.location.href);
    for (const name of FILTERS) {
      if (filters[name]) url.searchParams.set(name, filters[name]);
      else url.searchParams.delete(name);
    }
    return url;
  }

  // The map's address without its language prefix: "/carte/".
  const mapPath = config.fullMapUrl.replace(/^\/[^/]+/, "");

  function updateLanguageLinks(url) {
    // The language switcher leads to the same map, with the same filters.
    document.querySelectorAll("a[hreflang]").forEach((link) => {
      const target = new URL(link.href, window.location.href);
      if (target.origin === url.origin && target.pathname.endsWith(mapPath)) {
        link.href = target.pathname + url.search;
      }
    });
  }

  function writeForm(filters) {
    if (!ui.form) return;
    for (const name of FILTERS) {
      const select = ui.form.elements[name];
      if (name === "country" && filters.country && !select.querySelector(`option[value="${filters.country}"]`)) {
        select.append(el("option", { value: filters.country }, regionName(filters.country)));
      }
      select.value = filters[name];
    }
  }

  function readForm() {
    const filters = emptyFilters();
    for (const name of FILTERS) {
      filters[name] = ui.form.elements[name].value;
    }
    return filters;
  }

  function setFormEnabled(enabled) {
    if (!ui.form) return;
    for (const control of ui.form.elements) {
      control.disabled = !enabled;
    }
  }

  /** Show the points matching ``filters``; with ``remember``, add a history entry. */
  function apply(filters, remember) {
    state.filters = filters;
    writeForm(filters);
    if (remember && ui.form) {
      const url = addressFor(filters);
      if (url.href !== window.location.href) {
        window.history.pushState({ mapFilters: filters }, "", url);
        updateLanguageLinks(url);
      }
    }
    state.matching = state.features.filter((feature) => matches(feature.properties, filters));
    ui.count.textContent = count(S.count, state.matching.length);
    ui.count.dataset.count = String(state.matching.length);
    renderList(true);
    renderMarkers();
  }

  // --- markers and the result list ---------------------------------------------------------

  function renderMarkers() {
    root.dataset.state = "updating";
    resetClusters();
    frame(!state.firstShown);
    draw();
    if (!state.firstShown) {
      state.firstShown = true;
      performance.mark("map:markers-shown");
      markersShown();
    }
    root.dataset.state = "ready";
  }

  const WORLD = { center: [20, 10], zoom: config.compact ? 1 : 2 };

  /** The smallest box holding ``features``' points (invalid when there are none). */
  function boundsOf(features) {
    if (!features.length) return L.latLngBounds([]);
    let [west, south] = features[0].geometry.coordinates;
    let [east, north] = [west, south];
    for (const feature of features) {
      const [longitude, latitude] = feature.geometry.coordinates;
      if (longitude < west) west = longitude;
      if (longitude > east) east = longitude;
      if (latitude < south) south = latitude;
      if (latitude > north) north = latitude;
    }
    return L.latLngBounds([south, west], [north, east]);
  }

  /** Fit the map to a filtered set; back to the whole world when nothing is filtered. */
  function frame(instantly) {
    const filtered = FILTERS.some((name) => state.filters[name]);
    const bounds = boundsOf(state.matching);
    const options = instantly ? { animate: false } : {};
    if (filtered && state.matching.length && bounds.isValid()) {
      map.fitBounds(bounds, { padding: [32, 32], maxZoom: 7, ...options });
    } else {
      map.setView(WORLD.center, WORLD.zoom, options);
    }
  }

  function resultItem(p) {
    const meta = [countryName(p.country), kindLabel(p.kind), p.french ? S.french : S.foreign];
    const show = el(
      "button",
      { type: "button", class: "fr-btn fr-btn--tertiary-no-outline fr-btn--sm map-result__show" },
      S.showOnMap,
      el("span", { class: "fr-sr-only" }, ` — ${p.title}`)
    );
    show.addEventListener("click", () => showOnMap(p.id, show));
    return el(
      "li",
      { class: `map-result map-result--${callsOf(p)}` },
      el("p", { class: "map-result__title" }, ficheLink(p)),
      p.locale !== config.locale ? el("p", { class: "map-result__note" }, S.untranslated) : null,
      el("p", { class: "map-result__meta" }, meta.filter(Boolean).join(" · ")),
      el("p", { class: "map-result__calls" }, callLines(p).join(" · ")),
      show
    );
  }

  /** Append the next batch of results (all from the start with ``reset``); its first entry. */
  function renderList(reset) {
    if (reset) {
      ui.results.replaceChildren();
      state.shown = 0;
    }
    const batch = state.matching.slice(state.shown, state.shown + config.perBatch);
    ui.results.append(...batch.map((feature) => resultItem(feature.properties)));
    const first = ui.results.children[state.shown];
    state.shown += batch.length;
    ui.more.hidden = state.shown >= state.matching.length;
    ui.empty.hidden = state.matching.length > 0;
    return first;
  }

  /** The first zoom from the current one at which the point of ``feature`` is drawn alone
   * (null: it shares a cluster up to the last zoom, with points at the same place). */
  function aloneAt(feature) {
    const [longitude, latitude] = feature.geometry.coordinates;
    const near = [longitude - 1e-6, latitude - 1e-6, longitude + 1e-6, latitude + 1e-6];
    const id = feature.properties.id;
    for (let zoom = Math.round(map.getZoom()); zoom <= map.getMaxZoom(); zoom += 1) {
      const found = level(zoom).getClusters(near, zoom);
      if (found.some((f) => !f.properties.cluster && f.properties.id === id)) return zoom;
    }
    return null;
  }

  /** The drawn cluster that holds the point ``id``. */
  function drawnClusterOf(id) {
    for (const marker of drawn.values()) {
      if (marker.options.cluster !== undefined &&
          leavesOf(marker).some((leaf) => leaf.properties.id === id)) {
        return marker;
      }
    }
    return null;
  }

  function showOnMap(id, trigger) {
    const feature = state.byId.get(id);
    if (!feature) return;
    ui.canvas.scrollIntoView({ block: "nearest" });
    const [longitude, latitude] = feature.geometry.coordinates;
    const position = L.latLng(latitude, longitude);
    const zoom = aloneAt(feature);
    const open = () => {
      draw();
      let marker = drawn.get(`p${id}`);
      if (marker) {
        withPopup(marker).openPopup();
      } else {
        marker = drawnClusterOf(id);
        if (!marker) return;
        if (!marker.getPopup()) expand(marker, false);
        else marker.openPopup();
      }
      state.returnFocus = trigger;
      const links = [...marker.getPopup().getElement().querySelectorAll(".map-popup a[href]")];
      const link = links.find((node) => node.getAttribute("href") === feature.properties.url) || links[0];
      if (link) link.focus();
    };
    if (zoom !== null && zoom === Math.round(map.getZoom()) && map.getBounds().contains(position)) {
      open();
    } else {
      map.once("moveend", open);
      map.setView(position, zoom === null ? map.getMaxZoom() : zoom);
    }
  }

  ui.more.addEventListener("click", () => {
    const first = renderList(false);
    const link = first && first.querySelector("a[href]");
    if (link) link.focus();
  });

  // --- loading ---------------------------------------------------------------------------

  /** The data, through map-request.js (loaded async: it may still be on its way). */
  async function fetchData() {
    if (!window.portalMapRequest) {
      await new Promise((resolve) => {
        document.addEventListener("portal-map-request", resolve, { once: true });
      });
    }
    return window.portalMapRequest.data(config);
  }

  /** The country shapes from ``request`` (a fetch started early, read once the markers show). */
  async function readShapes(request) {
    const response = await request;
    if (!response.ok) throw new Error(response.statusText);
    const atlas = await response.json();
    // TopoJSON shares borders between neighbours: five times smaller than the GeoJSON.
    const shapes = topojson.feature(atlas, atlas.objects.countries);
    shapes.features = shapes.features.filter((shape) => shape.id !== ANTARCTICA);
    shapes.features.forEach(unwrapLongitudes);
    return shapes;
  }

  // Antarctica lies beyond the map's latitudes (and is a ring around the pole, which a flat
  // map cannot draw); no authority is there.
  const ANTARCTICA = "010";

  /**
   * Natural Earth cuts shapes at the antimeridian, but a few rings (Russia, Fiji) write one
   * side of the cut as -180 instead of 180; drawn on a flat map, such a jump is a band
   * across the world. Keep consecutive points within 180° of each other.
   */
  function unwrapLongitudes(shape) {
    if (!shape.geometry) return;
    const polygons =
      shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let index = 1; index < ring.length; index += 1) {
          const step = ring[index][0] - ring[index - 1][0];
          if (step > 180) ring[index][0] -= 360;
          else if (step < -180) ring[index][0] += 360;
        }
      }
    }
  }

  function fillSelect(name, entries) {
    if (!ui.form) return;
    const select = ui.form.elements[name];
    const first = select.options[0];
    select.replaceChildren(first, ...entries.map(([value, label]) => el("option", { value }, label)));
  }

  function receive(data) {
    state.features = JSON.parse(data.mapFeatures).features;
    state.byId = new Map(state.features.map((feature) => [feature.properties.id, feature]));
    const countries = [...data.countries].sort((a, b) => byName(a.name, b.name));
    state.countries = new Map(countries.map((row) => [row.code, row]));
    state.themes = new Map(data.themes.map((theme) => [theme.slug, theme.name]));
    fillSelect("theme", data.themes.map((theme) => [theme.slug, theme.name]));
    fillSelect("country", countries.map((row) => [row.code, row.name]));
    fillCoverageTable();
  }

  function start() {
    if (!ui.form) {
      apply(emptyFilters(), false);
      return;
    }
    const { filters, rejected } = readFilters(window.location.search);
    if (rejected) {
      showNotice(S.badFilters, false);
      window.history.replaceState({ mapFilters: filters }, "", addressFor(filters));
    }
    setFormEnabled(true);
    apply(filters, false);
  }

  async function load() {
    hideNotice();
    root.dataset.state = "loading";
    ui.count.textContent = S.loading;
    setFormEnabled(false);
    // Downloaded alongside the data, but parsed and drawn after the markers: the shapes
    // cost 0.2 s of the main thread, which would delay the markers' chunks.
    const shapes = fetch(config.basemap);
    try {
      receive(await fetchData());
    } catch (error) {
      root.dataset.state = "error";
      ui.count.textContent = "";
      showNotice(S.loadError, true);
      return;
    }
    start();
    try {
      await firstMarkers;
      if (!coverage) drawCoverage(await readShapes(shapes));
    } catch (error) {
      root.dataset.coverage = "failed";
    }
  }

  // --- events ------------------------------------------------------------------------------

  if (ui.form) {
    ui.form.addEventListener("change", (event) => {
      if (event.target === ui.coverageToggle) return;
      apply(readForm(), true);
    });
    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply(readForm(), true);
    });
    ui.form.addEventListener("reset", (event) => {
      event.preventDefault();
      apply(emptyFilters(), true);
      hideNotice();
    });
    window.addEventListener("popstate", () => {
      apply(readFilters(window.location.search).filters, false);
      updateLanguageLinks(new URL(window.location.href));
    });
  }
  if (ui.coverageToggle) {
    ui.coverageToggle.addEventListener("change", () => toggleCoverage(ui.coverageToggle.checked));
  }
  ui.retry.addEventListener("click", load);

  fillLegend();
  load();
})();
