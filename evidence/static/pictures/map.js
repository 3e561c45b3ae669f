/* Flightcheck maps (Leaflet, no tile server): region outlines from /pictures/outlines.geojson as the base layer,
   tracks from the page's GeoJSON URL on top. Config: the JSON element named by the map's data-config-id.
   window.fcMaps[id] reports what was drawn (browser tests read it). */
(function () {
  "use strict";
  window.fcMaps = window.fcMaps || {};

  function withParams(url, extra) {
    const u = new URL(url, window.location.href);
    Object.entries(extra).forEach(([k, v]) => u.searchParams.set(k, v));
    return u.toString();
  }

  // Only the most specific places are highlighted (not the country or the wide areas around them).
  const HIGHLIGHT_KINDS = new Set(["us_state", "mx_state", "peninsula", "gulf"]);

  function outlineStyle(highlight) {
    return function (feature) {
      const p = feature.properties;
      if (p.kind === "border") return { color: "#000", weight: 2, dashArray: "6 4", fill: false };
      if ((highlight.has(p.slug) || p.highlight) && HIGHLIGHT_KINDS.has(p.kind)) {
        return { color: "#E69F00", weight: 2, fillColor: "#E69F00", fillOpacity: 0.28 };
      }
      if (p.kind === "gulf") return { color: "#b9cfe0", weight: 0.6, fillColor: "#dbe8f2", fillOpacity: 1 };
      if (p.kind === "country" || p.kind === "us_state" || p.kind === "mx_state") {
        return { color: "#9a9a9a", weight: 0.6, fillColor: "#f3f2ee", fillOpacity: 1 };
      }
      return { color: "#c9c9c9", weight: 0.5, fill: false };
    };
  }

  // Stored names (callsigns, region and type names) as text: Leaflet puts a string tooltip in as HTML.
  function asText(value) {
    const span = document.createElement("span");
    span.textContent = String(value);
    return span;
  }

  function escapeHtml(value) {
    return asText(value).innerHTML;
  }

  function square(colour) {
    return L.divIcon({ className: "", iconSize: [12, 12],
      html: '<div style="width:10px;height:10px;background:' + colour + ';border:1px solid #fff"></div>' });
  }

  function markLayer(feature, latlng) {
    const p = feature.properties;
    if (p.mark === "start") {
      return L.circleMarker(latlng, { radius: 6, color: "#000", weight: 2, fillColor: "#fff", fillOpacity: 1 })
        .bindTooltip(asText("start: " + p.label));
    }
    if (p.mark === "end") return L.marker(latlng, { icon: square("#000"), keyboard: false }).bindTooltip("end");
    if (p.mark === "orbit") {
      const g = L.layerGroup();
      if (p.radius_km) {
        L.circle(latlng, { radius: p.radius_km * 1000, color: "#CC79A7", weight: 2, dashArray: "2 4", fill: false })
          .addTo(g);
      }
      L.circleMarker(latlng, { radius: 4, color: "#CC79A7", weight: 3, fillOpacity: 1 })
        .bindTooltip("orbit centre" + (p.turns ? " (" + p.turns + " turns)" : "")).addTo(g);
      return g;
    }
    if (p.mark === "nearest") {
      const g = L.layerGroup();
      const to = L.latLng(p.to[1], p.to[0]);
      L.polyline([latlng, to], { color: "#009E73", weight: 2 }).addTo(g);
      L.circleMarker(latlng, { radius: 5, color: "#009E73", fillOpacity: 1 })
        .bindTooltip(asText(p.distance_nm.toFixed(1) + " nm to " + p.region),
          { permanent: true, direction: "right", className: "fc-near-label" }).addTo(g);
      return g;
    }
    return L.circleMarker(latlng, { radius: 2 });
  }

  function legend(meta, groups) {
    const c = L.control({ position: "bottomleft" });
    c.onAdd = function () {
      const div = L.DomUtil.create("div", "fc-legend");
      let html = "";
      if (meta.by_altitude && meta.altitude_legend.length) {
        const stops = meta.altitude_legend.map((b) => b.colour).join(",");
        html += '<div>altitude: 0 <span class="fc-ramp" style="background:linear-gradient(to right,' + stops +
          ')"></span> ' + meta.altitude_legend[meta.altitude_legend.length - 1].to_ft.toLocaleString("en") +
          " ft</div>";
        html += "<div>○ start · ■ end · <span style=\"color:#CC79A7\">◯</span> orbit · " +
          "<span style=\"color:#009E73\">◆</span> nearest point</div>";
      } else if (groups.length) {
        groups.forEach((g) => {
          html += '<div><span class="fc-swatch" style="background:' + g.colour + '"></span>' + escapeHtml(g.name) + "</div>";
        });
      } else {
        Object.entries(meta.types || {}).forEach(([t, colour]) => {
          html += '<div><span class="fc-swatch" style="background:' + colour + '"></span>' + escapeHtml(t || "unknown type") +
            "</div>";
        });
      }
      html += '<div><span class="fc-swatch" style="background:#E69F00;opacity:.6"></span>region of the question' +
        ' / flown over · <span style="border-top:2px dashed #000;display:inline-block;width:14px"></span> border</div>';
      const shown = meta.missions < meta.total ? meta.missions.toLocaleString("en") + " of " +
        meta.total.toLocaleString("en") : meta.missions.toLocaleString("en");
      html += "<div>" + shown + (meta.total === 1 ? " mission · " : " missions · ") + meta.points.toLocaleString("en") + " positions sent" +
        (meta.thinned ? " (thinned)" : "") + "</div>";
      div.innerHTML = html;
      return div;
    };
    return c;
  }

  function init(el) {
    const config = JSON.parse(document.getElementById(el.dataset.configId).textContent);
    const state = { ready: false, tracks: 0, features: 0, outlines: 0, points: 0, renderMs: null, errors: [] };
    window.fcMaps[el.id] = state;
    const map = L.map(el, { preferCanvas: true, zoomSnap: 0.5, attributionControl: true, worldCopyJump: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Flightcheck regions · no map tiles");
    map.fitBounds(config.bounds, { padding: [12, 12] });
    const highlight = new Set(config.highlight || []);
    const outlinePane = map.createPane("fc-outlines");
    outlinePane.style.zIndex = 250;
    let outlineLayer = null;
    let outlineTimer = null;
    function loadOutlines() {
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(",");
      fetch(withParams(config.outlines, { bbox: bbox, zoom: Math.round(map.getZoom()),
        highlight: Array.from(highlight).join(",") }), { credentials: "same-origin" })
        .then((r) => r.json())
        .then((gj) => {
          if (outlineLayer) outlineLayer.remove();
          outlineLayer = L.geoJSON(gj, { pane: "fc-outlines", style: outlineStyle(highlight),
            onEachFeature: (f, layer) => layer.bindTooltip(asText(f.properties.name), { sticky: true }) }).addTo(map);
          state.outlines = gj.features.length;
        })
        .catch((e) => state.errors.push(String(e)));
    }
    map.on("moveend", () => { clearTimeout(outlineTimer); outlineTimer = setTimeout(loadOutlines, 150); });

    const overlays = {};
    let trackLayers = [];
    let legendControl = null;
    let layersControl = null;
    function loadTracks() {
      const t0 = performance.now();
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(",");
      const extra = { zoom: Math.round(map.getZoom()) };
      if (config.refetch) extra.bbox = bbox;
      return fetch(withParams(config.tracks, extra), { credentials: "same-origin" })
        .then((r) => r.json())
        .then((gj) => {
          const t1 = performance.now();
          trackLayers.forEach((l) => l.remove());
          trackLayers = [];
          const byGroup = {};
          gj.features.forEach((f) => { (byGroup[f.properties.group] = byGroup[f.properties.group] || []).push(f); });
          const many = gj.meta.missions > 12;
          Object.entries(byGroup).forEach(([group, features]) => {
            if (!many) {  // a dark casing under a few tracks keeps every altitude colour visible on any background
              const casing = L.geoJSON({ type: "FeatureCollection",
                features: features.filter((f) => f.geometry.type !== "Point") },
              { style: () => ({ color: "#222", weight: 6, opacity: 0.9 }), interactive: false }).addTo(map);
              trackLayers.push(casing);
            }
            const layer = L.geoJSON({ type: "FeatureCollection", features: features }, {
              style: (f) => ({ color: f.properties.colour, weight: many ? 1.5 : 3.5, opacity: many ? 0.7 : 1 }),
              pointToLayer: markLayer,
              filter: (f) => !(many && f.geometry.type === "Point" && f.properties.mark !== "orbit"),
              onEachFeature: (f, layer) => {
                if (f.geometry.type !== "Point") layer.bindTooltip(asText(f.properties.label), { sticky: true });
              },
            }).addTo(map);
            overlays[escapeHtml(group) + " (" + new Set(features.map((f) => f.properties.id)).size + ")"] = layer;
            trackLayers.push(layer);
          });
          if (gj.meta.over) gj.meta.over.forEach((s) => highlight.add(s));
          if (layersControl) layersControl.remove();
          if (Object.keys(byGroup).length > 1) {
            layersControl = L.control.layers(null, overlays, { collapsed: false }).addTo(map);
          }
          if (legendControl) legendControl.remove();
          legendControl = legend(gj.meta, config.groups || []).addTo(map);
          state.tracks = new Set(gj.features.filter((f) => f.geometry.type !== "Point").map((f) => f.properties.id)).size;
          state.features = gj.features.length;
          state.points = gj.meta.points;
          state.meta = gj.meta;
          state.fetchMs = t1 - t0;
          state.drawMs = performance.now() - t1;
          state.renderMs = performance.now() - t0;
          state.ready = true;
          el.dataset.ready = "true";
        })
        .catch((e) => { state.errors.push(String(e)); el.dataset.ready = "error"; });
    }
    loadTracks().then(loadOutlines);
    if (config.refetch) {
      let last = Math.round(map.getZoom());
      // closer than zoom 8 the server sends full tracks of the missions in view only: refetch after every move
      map.on("moveend", () => {
        const z = Math.round(map.getZoom());
        if (Math.abs(z - last) >= 2 || z > 8) { last = z; loadTracks(); }
      });
    }
  }

  document.querySelectorAll(".fc-map").forEach(init);
})();
