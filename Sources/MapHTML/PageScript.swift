/// The page's JavaScript: builds the map from the `perimeter-data` block with Leaflet (basemap, toggleable
/// result layers, legend, scale bar, popups), the figures table with its target-altitude switch, and the time
/// slider that replays the tracks. No request of any kind is made. `window.perimeterPage` exposes the map and
/// the slider for tests.
enum PageScript {
    static let source = #"""
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('perimeter-data').textContent);
  var ENTRY = '#1a9641', EXIT = '#7b3294', INSIDE = '#e6141e', COVERED = '#1e5ac8', OUTSIDE = '#444444';
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function el(tag, cls, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html != null) e.innerHTML = html;
    return e;
  }
  function fmtS(s) {
    var a = Math.abs(s), t = a.toFixed(1) + ' s';
    if (a >= 60) t += ' (' + Math.floor(a / 60) + ' min ' + Math.round(a % 60) + ' s)';
    return (s < 0 ? '−' : '') + t;
  }
  function utc(t) { return new Date(t * 1000).toISOString().replace('.000Z', 'Z'); }
  function clock(s) {
    s = Math.max(0, Math.round(s));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    return (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (r < 10 ? '0' : '') + r;
  }

  // ---- map, panes, renderers -------------------------------------------------------------------------
  var map = L.map('map', {zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 2, maxZoom: 16});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(esc(D.attribution) + ' · Leaflet ' + esc(L.version) + ' (BSD-2-Clause)');
  map.createPane('basemap').style.zIndex = 250;
  var labelPane = map.createPane('labels');
  labelPane.style.zIndex = 450;
  labelPane.style.pointerEvents = 'none';
  map.createPane('aircraft').style.zIndex = 620;
  var T = D.tracks;
  var many = !!T && T.items.length > 150;
  // Few tracks: SVG. Many: one canvas for every result layer (an SVG above a canvas would take its clicks) and
  // one for the moving aircraft, which lets clicks through to the tracks beneath it.
  var svgRenderer = many ? L.canvas({padding: 0.3, tolerance: 4}) : L.svg({padding: 0.3});
  var trackRenderer = svgRenderer;
  var aircraftRenderer = many ? L.canvas({pane: 'aircraft', padding: 0.3}) : L.svg({pane: 'aircraft', padding: 0.3});
  if (many) map.getPane('aircraft').style.pointerEvents = 'none';

  // ---- styles, swatches, popups ----------------------------------------------------------------------
  function isLine(t) { return t === 'LineString' || t === 'MultiLineString'; }
  function pathStyle(s, geometryType) {
    return {color: s.stroke || '#333', opacity: s.stroke ? 1 : 0, weight: s.weight, dashArray: s.dash || null,
            fill: !!s.fill && !isLine(geometryType), fillColor: s.fill || s.stroke || '#333',
            fillOpacity: s.fill ? s.fillOpacity : 0, lineJoin: 'round', lineCap: 'round'};
  }
  function markFill(s, kind) {
    var k = (kind || '').toLowerCase();
    return k.indexOf('entry') === 0 ? ENTRY : k.indexOf('exit') === 0 ? EXIT : k.indexOf('track_') === 0 ? '#ffffff' : s.pointFill;
  }
  function pointStyle(s, kind) {
    return {radius: s.radius, fillColor: markFill(s, kind), fillOpacity: 1, color: s.stroke || '#222', weight: 1, opacity: 1};
  }
  function swatch(role, s) {
    var w = 30, h = 14, o = '<svg width="' + w + '" height="' + h + '" viewBox="0 0 30 14" aria-hidden="true">';
    var dash = s.dash ? ' stroke-dasharray="' + esc(s.dash) + '"' : '';
    if (role === 'marks') {
      o += '<circle cx="9" cy="7" r="4.5" fill="' + ENTRY + '" stroke="#222"/><circle cx="21" cy="7" r="4.5" fill="' + EXIT + '" stroke="#222"/>';
    } else if (role === 'sites' || role === 'places' || role === 'aircraft') {
      o += '<circle cx="15" cy="7" r="' + Math.min(6, s.radius + 1) + '" fill="' + esc(s.pointFill) + '" stroke="' + esc(s.stroke || '#222') + '"/>';
    } else if (s.fill) {
      o += '<rect x="3" y="2" width="24" height="10" fill="' + esc(s.fill) + '" fill-opacity="' + s.fillOpacity +
           '" stroke="' + esc(s.stroke || 'none') + '" stroke-width="' + Math.min(2, s.weight) + '"' + dash + '/>';
    } else {
      o += '<line x1="2" y1="7" x2="28" y2="7" stroke="' + esc(s.stroke || '#333') + '" stroke-width="' + Math.min(4, s.weight) + '"' + dash + '/>';
    }
    return o + '</svg>';
  }
  function popupHTML(title, rows, extra) {
    var h = '<div class="popup"><b>' + esc(title) + '</b><table>';
    (rows || []).forEach(function (r) { h += '<tr><th>' + esc(r[0]) + '</th><td>' + esc(r[1]) + '</td></tr>'; });
    return h + '</table>' + (extra || '') + '</div>';
  }

  // ---- basemap -----------------------------------------------------------------------------------------
  var overlays = [];
  var layerByName = {};
  function addOverlay(name, legend, role, style, layer, visible, altitude) {
    var entry = {name: name, legend: legend, role: role, style: style, layer: layer, visible: visible, altitude: altitude};
    overlays.push(entry);
    layerByName[name] = layer;
    if (visible) layer.addTo(map);
    return entry;
  }
  if (D.basemap) {
    var baseStyle = {stroke: '#8c8c8c', weight: 0.7, fill: '#f4f1ea', fillOpacity: 1, pointFill: '#222', radius: 3};
    var countries = L.geoJSON(D.basemap.countries, {
      pane: 'basemap', interactive: false,
      style: {color: '#8c8c8c', weight: 0.7, opacity: 1, fillColor: '#f4f1ea', fillOpacity: 1}
    });
    addOverlay('countries', 'Countries (GeoData)', 'basemap', baseStyle, countries, true, null);
    var labels = L.layerGroup(D.basemap.labels.map(function (l) {
      return L.marker([l[1], l[0]], {pane: 'labels', interactive: false, keyboard: false,
        icon: L.divIcon({className: 'country-label', html: '<span>' + esc(l[2]) + '</span>', iconSize: null})});
    }));
    addOverlay('country_labels', 'Country names', 'labels', baseStyle, labels, true, null);
    if (D.basemap.places.length) {
      var placeStyle = {stroke: '#ffffff', weight: 1, fill: null, pointFill: '#222222', radius: 3};
      var places = L.layerGroup();
      D.basemap.places.forEach(function (f) {
        var c = f.geometry.coordinates, ll = [c[1], c[0]];
        L.circleMarker(ll, {pane: 'labels', radius: 3, fillColor: '#222', fillOpacity: 1, color: '#fff', weight: 1, interactive: false}).addTo(places);
        L.marker(ll, {pane: 'labels', interactive: false, keyboard: false,
          icon: L.divIcon({className: 'place-label', html: '<span>' + esc(f.properties.name) + '</span>', iconSize: null})}).addTo(places);
      });
      addOverlay('places', 'Places', 'places', placeStyle, places, true, null);
    }
  }

  // ---- result layers -----------------------------------------------------------------------------------
  var fitBounds = L.latLngBounds([]);
  function addResultLayer(ld) {
    // Decorations (time ticks, direction arrows) let clicks through to the tracks under them.
    var interactive = ld.interactive !== false;
    var layer = L.geoJSON(ld.features, {
      renderer: svgRenderer,
      interactive: interactive,
      style: function (f) {
        var t = f.geometry.type;
        return t === 'Point' || t === 'MultiPoint' ? pointStyle(ld.style, f.properties.kind) : pathStyle(ld.style, t);
      },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, Object.assign({renderer: svgRenderer, interactive: interactive}, pointStyle(ld.style, f.properties.kind)));
      },
      onEachFeature: function (f, l) {
        var p = f.properties;
        if (interactive) l.bindPopup(popupHTML(p.name ? p.name + ' — ' + ld.legend : ld.legend, p.popup), {maxWidth: 380});
        if (p.label) l.bindTooltip(esc(p.label), {permanent: true, direction: 'right', offset: [5, 0], opacity: 1, className: 'mark-label'});
      }
    });
    var entry = addOverlay(ld.name, ld.legend, ld.role, ld.style, layer, ld.visible && (ld.altitude === null || ld.altitude === 0), ld.altitude);
    entry.visible = ld.visible;
    if (ld.fits && ld.features.length) fitBounds.extend(layer.getBounds());
  }
  // Areas first, then the tracks, then lines and points over them.
  function isArea(ld) { return ld.role === 'regions' || ld.role === 'airspace' || ld.role === 'coverage'; }
  D.layers.filter(isArea).forEach(addResultLayer);

  // ---- tracks and the time slider ----------------------------------------------------------------------
  var now = 0, span = 0, playing = false;
  var timeUI = {};
  function bisect(ts, t) {
    var lo = 0, hi = ts.length - 1;
    while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (ts[mid] <= t) lo = mid; else hi = mid; }
    return lo;
  }
  function positionAt(it, t) {
    var ts = it.t, n = ts.length;
    if (t <= ts[0] || n === 1) return it.ll[0];
    if (t >= ts[n - 1]) return it.ll[n - 1];
    var k = bisect(ts, t), f = (t - ts[k]) / (ts[k + 1] - ts[k]), a = it.ll[k], b = it.ll[k + 1];
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  }
  function within(iv, t) { for (var i = 0; i < iv.length; i++) { if (t >= iv[i][0] && t <= iv[i][1]) return true; } return false; }
  function elapsed(iv, t) { var s = 0; for (var i = 0; i < iv.length; i++) { if (iv[i][0] < t) s += Math.min(iv[i][1], t) - iv[i][0]; } return s; }
  function stateAt(it, t) {
    if (t < it.t[0] || t > it.t[it.t.length - 1]) return 'absent';
    return within(it.a, t) ? 'inside' : within(it.v, t) ? 'covered' : 'outside';
  }
  var STATE = {inside: ['inside airspace', INSIDE], covered: ['in coverage', COVERED], outside: ['outside', OUTSIDE], absent: ['not flying', '#bbbbbb']};
  function trackPopup(it) {
    var st = stateAt(it, now);
    var extra = '<div class="now">At ' + esc(utc(T.t0 + now)) + ': <b>' + STATE[st][0] + '</b>; dwell so far ' +
      esc(fmtS(elapsed(it.a, now))) + ' of ' + esc(fmtS(it.dwell)) +
      (T.coverage ? '; in coverage so far ' + esc(fmtS(elapsed(it.v, now))) : '') + '</div>';
    return popupHTML('Track ' + it.id, it.popup, extra);
  }
  if (T && T.items.length) {
    span = Math.max(1, T.t1 - T.t0);
    var trackStyle = T.style;
    var trackLayer = L.featureGroup(), aircraft = L.featureGroup();
    T.items.forEach(function (it) {
      var ll = [];
      for (var k = 0; k < it.c.length; k += 2) ll.push([it.c[k + 1], it.c[k]]);
      it.ll = ll;
      it.line = L.polyline(ll.length > 1 ? ll : [ll[0], ll[0]], {renderer: trackRenderer, color: trackStyle.stroke, weight: trackStyle.weight,
        opacity: 0.85, interactive: true}).bindPopup(function () { return trackPopup(it); }, {maxWidth: 400});
      it.line.trackId = it.id;
      it.marker = L.circleMarker(ll[0], {renderer: aircraftRenderer, pane: 'aircraft', radius: 6.5, weight: 2, color: '#111111',
        fillColor: OUTSIDE, fillOpacity: 1, opacity: 1, interactive: !many}).bindPopup(function () { return trackPopup(it); }, {maxWidth: 400});
      it.marker.trackId = it.id;
      it.state = null;
      trackLayer.addLayer(it.line);
      aircraft.addLayer(it.marker);
    });
    addOverlay('tracks', T.legend, 'tracks', trackStyle, trackLayer, true, null);
    fitBounds.extend(trackLayer.getBounds());
  }
  D.layers.filter(function (ld) { return !isArea(ld); }).forEach(addResultLayer);
  if (T && T.items.length) {
    addOverlay('aircraft', 'Aircraft at time t (red: inside airspace' + (T.coverage ? ', blue: in coverage' : '') + ')', 'aircraft',
      {pointFill: INSIDE, stroke: '#111111', radius: 5, weight: 2}, aircraft, true, null);
  }

  // ---- panel ---------------------------------------------------------------------------------------------
  var panel = document.getElementById('panel');
  if (D.subtitle) panel.appendChild(el('p', 'subtitle', esc(D.subtitle)));
  var tableRows = [];
  function showAltitude(i) {
    overlays.forEach(function (o) {
      if (o.altitude === null || o.altitude === undefined) return;
      if (o.altitude === i && o.visible) o.layer.addTo(map); else map.removeLayer(o.layer);
    });
    tableRows.forEach(function (r) { r.tr.style.display = (r.altitude === null || r.altitude === i) ? '' : 'none'; });
    updateLegend();
  }
  if (D.altitudes.length) {
    panel.appendChild(el('h2', null, 'Target altitude'));
    var alts = el('div', 'altitudes');
    D.altitudes.forEach(function (a, i) {
      var lab = el('label', null, '<input type="radio" name="altitude" value="' + i + '"' + (i === 0 ? ' checked' : '') + '> ' + esc(a));
      lab.querySelector('input').addEventListener('change', function () { showAltitude(i); });
      alts.appendChild(lab);
    });
    panel.appendChild(alts);
  }
  if (T && T.items.length) {
    panel.appendChild(el('h2', null, 'Time'));
    var bar = el('div', 'timebar');
    var play = el('button', null, 'Play');
    play.type = 'button';
    play.id = 'play';
    var slider = el('input');
    slider.type = 'range';
    slider.id = 'time';
    slider.min = 0;
    slider.max = span;
    slider.step = span <= 3000 ? 1 : Math.ceil(span / 3000);
    slider.value = 0;
    slider.setAttribute('aria-label', 'time');
    var speeds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600];
    var speed = speeds.reduce(function (best, v) { return Math.abs(v - span / 40) < Math.abs(best - span / 40) ? v : best; }, 1);
    var speedSel = el('select');
    speedSel.id = 'speed';
    speeds.forEach(function (v) { var o = el('option', null, v + '×'); o.value = v; if (v === speed) o.selected = true; speedSel.appendChild(o); });
    speedSel.addEventListener('change', function () { speed = +speedSel.value; });
    bar.appendChild(play); bar.appendChild(slider); bar.appendChild(speedSel);
    panel.appendChild(bar);
    timeUI.clock = el('div', 'clock');
    timeUI.counts = el('div', 'counts');
    panel.appendChild(timeUI.clock);
    panel.appendChild(timeUI.counts);
    timeUI.list = el('table', 'tracklist');
    panel.appendChild(timeUI.list);
    slider.addEventListener('input', function () { setTime(+slider.value, true); });
    var last = null;
    function frame(ts) {
      if (!playing) return;
      if (last !== null) setTime(now + (ts - last) / 1000 * speed, false);
      last = ts;
      if (now >= span) { playing = false; play.textContent = 'Play'; updateList(); return; }
      requestAnimationFrame(frame);
    }
    play.addEventListener('click', function () {
      playing = !playing;
      play.textContent = playing ? 'Pause' : 'Play';
      if (playing) { if (now >= span) setTime(0, true); last = null; requestAnimationFrame(frame); }
    });
    timeUI.slider = slider;
  }
  var lastList = 0, openPopup = null;
  map.on('popupopen', function (e) { openPopup = e.popup; });
  map.on('popupclose', function (e) { if (openPopup === e.popup) openPopup = null; });
  function updateList() {
    if (!timeUI.list) return;
    lastList = Date.now();
    var rows = T.items.slice();
    var limited = rows.length > 40;
    if (limited) {
      rows = rows.filter(function (it) { return it.state === 'inside' || it.state === 'covered'; });
      rows.sort(function (a, b) { return elapsed(b.a, now) - elapsed(a.a, now); });
      rows = rows.slice(0, 40);
    }
    var h = '<tr><th>track</th><th>at t</th><th>dwell so far</th></tr>';
    rows.forEach(function (it) {
      var st = STATE[it.state || 'absent'];
      h += '<tr><td>' + esc(it.id) + '</td><td><span class="state" style="background:' + st[1] + '"></span>' + st[0] +
           '</td><td class="num">' + esc(fmtS(elapsed(it.a, now))) + '</td></tr>';
    });
    if (limited) h += '<tr><td colspan="3">' + (rows.length ? 'tracks inside airspace or coverage at t, longest dwell first (at most 40)' : 'no track inside airspace or coverage at t') + '</td></tr>';
    timeUI.list.innerHTML = h;
  }
  function setTime(t, immediate) {
    if (!T || !T.items.length) return;
    now = Math.max(0, Math.min(span, t));
    if (timeUI.slider && +timeUI.slider.value !== now) timeUI.slider.value = now;
    var counts = {inside: 0, covered: 0, outside: 0, absent: 0};
    T.items.forEach(function (it) {
      it.marker.setLatLng(positionAt(it, now));
      var st = stateAt(it, now);
      counts[st]++;
      if (st !== it.state) {
        it.state = st;
        it.marker.setStyle(st === 'absent' ? {opacity: 0, fillOpacity: 0} : {opacity: 1, fillOpacity: 1, fillColor: STATE[st][1]});
      }
    });
    timeUI.clock.textContent = utc(T.t0 + now) + '   +' + clock(now) + ' / ' + clock(span);
    timeUI.counts.innerHTML = '<span class="state" style="background:' + INSIDE + '"></span>' + counts.inside + ' inside airspace · ' +
      (T.coverage ? '<span class="state" style="background:' + COVERED + '"></span>' + counts.covered + ' in coverage · ' : '') +
      counts.outside + ' outside · ' + counts.absent + ' not flying';
    if (immediate || Date.now() - lastList > 250) updateList();
    if (openPopup && openPopup._source && openPopup._source.trackId !== undefined) openPopup.update();
  }
  panel.appendChild(el('h2', null, 'Layers'));
  var layersBox = el('div', 'layers');
  panel.appendChild(layersBox);
  if (D.table) {
    panel.appendChild(el('h2', null, 'Figures'));
    var table = el('table', 'figures');
    var head = '<tr><th>figure</th><th>unit</th>' + D.table.columns.map(function (c) { return '<th>' + esc(c) + '</th>'; }).join('') + '</tr>';
    table.innerHTML = head;
    D.table.rows.forEach(function (r) {
      var tr = el('tr', r.altitude === null ? null : 'alt', '<td>' + esc(r.label) + '</td><td class="unit">' + esc(r.unit) + '</td>' +
        r.values.map(function (v) { return '<td>' + esc(v) + '</td>'; }).join(''));
      table.appendChild(tr);
      tableRows.push({tr: tr, altitude: r.altitude});
    });
    panel.appendChild(table);
  }
  var notes = D.notes.slice();
  if (T && T.note) notes.push(T.note);
  if (notes.length) {
    var ul = el('ul', 'notes');
    notes.forEach(function (n) { ul.appendChild(el('li', null, esc(n))); });
    panel.appendChild(ul);
  }
  panel.appendChild(el('p', 'about', 'Map library: Leaflet ' + esc(L.version) + ' (BSD-2-Clause, © Vladimir Agafonkin, CloudMade), ' +
    'inlined from Debian’s libjs-leaflet: this file works offline and makes no network request. ' +
    'Basemap: GeoData countries (outlines give borders and coasts), simplified for display. ' + esc(D.attribution) +
    '. Web Mercator view; figures are geodesic (WGS84), computed by Perimeter.'));

  // ---- controls: layers, legend, scale ----------------------------------------------------------------
  var control = {};
  overlays.forEach(function (o) {
    control['<span class="ov" data-layer="' + esc(o.name) + '">' + swatch(o.role, o.style) + esc(o.legend) + '</span>'] = o.layer;
  });
  // Leaflet's layer control, moved into the panel so it never covers the map.
  var layerControl = L.control.layers(null, control, {collapsed: false, position: 'topright'}).addTo(map);
  layersBox.appendChild(layerControl.getContainer());
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () { this._div = L.DomUtil.create('div', 'legend'); L.DomEvent.disableClickPropagation(this._div); return this._div; };
  legend.addTo(map);
  function updateLegend() {
    var h = '<b>Legend</b>';
    overlays.forEach(function (o) {
      if (o.role === 'basemap' || o.role === 'labels' || !map.hasLayer(o.layer)) return;
      h += '<div>' + swatch(o.role, o.style) + esc(o.legend) + '</div>';
    });
    legend._div.innerHTML = h;
  }
  map.on('overlayadd overlayremove', updateLegend);
  L.control.scale({imperial: false, maxWidth: 180, position: 'bottomleft'}).addTo(map);

  // Labels never overlap: country names first, then places; one that would overlap a label already shown is hidden.
  function declutter() {
    var spans = Array.prototype.slice.call(document.querySelectorAll('.country-label span'))
      .concat(Array.prototype.slice.call(document.querySelectorAll('.place-label span')));
    var kept = [];
    spans.forEach(function (s) { s.style.visibility = ''; });
    spans.forEach(function (s) {
      var r = s.getBoundingClientRect();
      if (!r.width) return;
      var hit = kept.some(function (k) { return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom; });
      if (hit) s.style.visibility = 'hidden'; else kept.push(r);
    });
  }
  map.on('zoomend moveend overlayadd', declutter);

  // ---- initial view --------------------------------------------------------------------------------------
  if (!fitBounds.isValid() && D.basemap) fitBounds = L.geoJSON(D.basemap.countries).getBounds();
  updateLegend();
  if (fitBounds.isValid()) {
    // The legend sits in the bottom-right corner: keep the data clear of it, beside it or above it, whichever
    // shows the data larger.
    var lw = legend._div.offsetWidth + 10, lh = legend._div.offsetHeight + 10;
    var beside = map.getBoundsZoom(fitBounds, false, L.point(48 + lw, 48));
    var above = map.getBoundsZoom(fitBounds, false, L.point(48, 48 + lh));
    var pad = beside >= above ? [24 + lw, 24] : [24, 24 + lh];
    map.fitBounds(fitBounds, {paddingTopLeft: [24, 24], paddingBottomRight: pad});
  } else {
    map.setView([50, 20], 4);
  }
  declutter();
  if (T && T.items.length) setTime(0, true);
  if (D.altitudes.length) showAltitude(0);
  window.perimeterPage = {
    map: map, layers: layerByName, tracks: T ? T.items : [], setTime: function (t) { setTime(t, true); },
    time: function () { return now; }, showAltitude: showAltitude, ready: true
  };
})();
"""#
}
