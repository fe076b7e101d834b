// The web map: a Leaflet map of the server's vector tiles, the filter panel, the chart and the tables,
// all driven by one state that lives in the URL. The same script runs the embed (/embed), which has
// the map, its legend and a caption only.
import { getJson, statsUrl, tileUrl } from './api.js';
import { timeSeries } from './chart.js';
import { presets } from './dates.js';
import { postHeight, showEmbedDialog } from './embed.js';
import { csv, download, legendModel, mapCanvas, viewRows } from './export.js';
import { filterPanel } from './filters.js';
import { legendHtml } from './legend.js';
import { nearPanel } from './near.js';
import { painter } from './paint.js';
import { escape, featureHtml, POPUP_OPTIONS, requestHtml } from './popups.js';
import { describe, layersAt, parseState, stateToSearch } from './state.js';
import { sitingPanel } from './siting.js';
import { breaks, categoryColours } from './style.js';
import { districtRows, fillDistricts, fillTopTypes } from './tables.js';
import { tileLayerClass } from './tile-layer.js';

/** The five boroughs' bounds. */
const NYC = [
  [40.4774, -74.2591],
  [40.9176, -73.7004],
];
const WATER = '#cfe3f2';

const page = document.documentElement;
const $ = (id) => document.getElementById(id);
const embedded = document.body.classList.contains('embed');

async function start() {
  const L = window.L;
  const say = (text) => {
    $('status').textContent = text;
  };
  const [meta, districts] = await Promise.all([getJson('/api/meta'), getJson('/api/places/districts')]);
  const districtName = (cd) => districts.find((d) => d.boro_cd === cd)?.name || `District ${cd}`;
  const presetList = presets(meta.newest_day);
  const defaults = (s) => {
    if (!s.allDates && !s.filters.from && !s.filters.to && presetList.length > 1) {
      s.filters.from = presetList[1].from;
      s.filters.to = presetList[1].to;
    }
    return s;
  };
  let state = defaults(parseState(location.search));
  $('as-of').textContent = meta.newest_day
    ? `Data as of ${meta.newest_day}${meta.loaded_at ? `, loaded ${meta.loaded_at.slice(0, 10)}` : ''}.`
    : 'No requests are loaded yet.';

  // --- the map: water is the map's background, land the boroughs, an optional raster basemap over it
  const map = L.map('map', { minZoom: 9, maxZoom: 18, maxBounds: L.latLngBounds(NYC).pad(0.5) });
  map.attributionControl.addAttribution(meta.attribution);
  map.createPane('land').style.zIndex = 150;
  getJson('/api/places/boroughs')
    .then((geo) =>
      L.geoJSON(geo, {
        pane: 'land',
        renderer: L.canvas({ pane: 'land' }), // a canvas, so that the PNG export can copy it
        interactive: false,
        style: { color: '#b5b0a6', weight: 1, fillColor: '#f3efe7', fillOpacity: 1 },
      }).addTo(map),
    )
    .catch((e) => say(`The borough outlines could not be loaded: ${e.message}`));
  if (meta.basemap) {
    map.createPane('basemap').style.zIndex = 160;
    L.tileLayer(meta.basemap.url, {
      attribution: meta.basemap.attribution,
      pane: 'basemap',
      maxZoom: 19,
      crossOrigin: 'anonymous',
    }).addTo(map);
  }
  if (state.view) {
    map.setView([state.view.lat, state.view.lon], state.view.z);
  } else {
    map.fitBounds(NYC);
  }

  const look = { districtBreaks: [], hexbinBreaks: [], categoryColours: new Map() };
  let firstData = false;
  let categories = [];
  let totals = { count: null, unplaced: 0 };
  let legendState = null;
  const DataLayer = tileLayerClass(L);
  const data = new DataLayer({
    layers: (z) => layersAt(state.layer, z, meta.requests_min_zoom),
    url: (layers, coords) => tileUrl(layers, coords, state.filters),
    paint: painter(look),
    onTile: (tile) => {
      // for bench/webmap.sh: when the first data was drawn, since the page's navigation began
      if (!firstData && tile.districts.length + tile.hexbins.length + tile.requests.length > 0) {
        firstData = true;
        performance.mark('srmap-first-data');
      }
      scheduleRestyle();
    },
    onError: (e) => say(`Some map tiles could not be loaded: ${e.message}`),
    updateWhenZooming: false,
  }).addTo(map);
  data.on('loading', () => (page.dataset.tiles = 'loading'));
  data.on('load', () => (page.dataset.tiles = 'loaded'));

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => L.DomUtil.create('div', 'legend');
  legend.addTo(map);

  // --- colour classes from what is in view, drawn again when they change
  let restyleQueued = false;
  function scheduleRestyle() {
    if (restyleQueued) return;
    restyleQueued = true;
    requestAnimationFrame(() => {
      restyleQueued = false;
      restyle();
    });
  }
  function shownLayer() {
    const layers = layersAt(state.layer, map.getZoom(), meta.requests_min_zoom);
    const shown = layers[layers.length - 1];
    return shown === 'requests' && map.getZoom() < meta.requests_min_zoom ? 'none' : shown;
  }
  function restyle() {
    const rates = new Map();
    const counts = [];
    let capped = 0;
    for (const t of data.decodedTiles()) {
      if (t.layers.length === 1) for (const f of t.districts) rates.set(f.properties.boro_cd, f.properties.rate);
      for (const f of t.hexbins) counts.push(f.properties.count);
      if (t.capped) capped = Math.max(capped, t.capped.one_in || 0);
    }
    const districtBreaks = breaks([...rates.values()]);
    const hexbinBreaks = breaks(counts);
    if (String(districtBreaks) !== String(look.districtBreaks) || String(hexbinBreaks) !== String(look.hexbinBreaks)) {
      look.districtBreaks = districtBreaks;
      look.hexbinBreaks = hexbinBreaks;
      data.repaint();
    }
    const shown = shownLayer();
    legendState = {
      shown,
      breaks: shown === 'hexbins' ? hexbinBreaks : districtBreaks,
      categories,
      colours: look.categoryColours,
      total: totals.count,
      unplaced: totals.unplaced,
      capped,
      minZoom: meta.requests_min_zoom,
    };
    legend.getContainer().innerHTML = legendHtml(legendState);
  }

  // --- the panels (the embed has none of them)
  const chart = $('chart') ? timeSeries($('chart')) : null;
  if (chart) window.addEventListener('resize', () => chart.resize());
  const panel = $('filters')
    ? filterPanel($('filters'), (change) => {
        state =
          change === null
            ? defaults(parseState(''))
            : { ...state, ...change, allDates: !change.filters.from && !change.filters.to };
        state.view = viewOf(map);
        history.pushState(null, '', `?${stateToSearch(state)}`);
        panel.write(state);
        refresh(true);
      })
    : null;
  panel?.setPresets(presetList);
  panel?.setDistricts(districts);
  panel?.write(state);
  document.querySelectorAll('input[name="period"]').forEach((input) => {
    input.checked = input.value === state.period;
    input.addEventListener('change', () => {
      state = { ...state, period: input.value };
      history.pushState(null, '', `?${stateToSearch(state)}`);
      refresh(false);
    });
  });

  // --- the chart and the top types follow the view: the districts it shows, unless the filter
  // names districts (then those) or the box is unticked
  let viewDistricts = null;
  function viewFilters() {
    const limit = $('in-view')?.checked && state.filters.districts.length === 0 && viewDistricts !== null
      && viewDistricts.size > 0 && viewDistricts.size < districts.length;
    const chosen = limit ? [...viewDistricts].sort((a, b) => a - b) : [];
    document.querySelectorAll('.in-view-note').forEach((n) => {
      n.textContent = limit ? ` in the ${chosen.length} districts in view` : '';
    });
    if ($('chart')) $('chart').dataset.districts = chosen.join(',');
    return limit ? { ...state.filters, districts: chosen } : state.filters;
  }
  data.on('load', () => {
    const now = data.districtsInView();
    if (viewDistricts !== null && String([...now].sort()) === String([...viewDistricts].sort())) return;
    viewDistricts = now;
    if ($('in-view')?.checked && state.filters.districts.length === 0) loadPanels();
  });
  $('in-view')?.addEventListener('change', () => loadPanels());

  let panels = null;
  async function loadPanels() {
    panels?.abort();
    panels = new AbortController();
    const signal = panels.signal;
    page.dataset.panels = 'loading';
    $('title').textContent = describe(state.filters, districtName);
    const others = { ...state.filters, category: null, types: [] };
    const inView = viewFilters();
    try {
      const [byCategory, vocabulary, byType, byPeriod, byDistrict] = await Promise.all([
        getJson(statsUrl(state.filters, ['category']), signal),
        panel ? getJson(statsUrl(others, ['category', 'type']), signal) : null,
        $('top-types') ? getJson(statsUrl(inView, ['type']), signal) : null,
        chart ? getJson(statsUrl(inView, [state.period]), signal) : null,
        $('districts-table') ? getJson(statsUrl(state.filters, ['district']), signal) : null,
      ]);
      totals = { count: byCategory.count, unplaced: byCategory.unplaced };
      categories = [...byCategory.rows].sort((a, b) => b.count - a.count).map((r) => r.category);
      look.categoryColours = categoryColours(categories);
      if (vocabulary) panel.setVocabulary(vocabulary.rows, state);
      if (byType) fillTopTypes(document.querySelector('#top-types tbody'), byType.rows, byType.count);
      if (byPeriod) {
        chart.update(byPeriod.rows, state.period);
        $('period-label').textContent = state.period;
      }
      if (byDistrict) {
        fillDistricts(document.querySelector('#districts-table tbody'), districtRows(byDistrict.rows, districts), districtQuery());
      }
      say('');
      restyle();
      data.repaint();
      page.dataset.panels = 'loaded';
    } catch (e) {
      if (e.name !== 'AbortError') {
        say(`The statistics could not be loaded: ${e.message}`);
        page.dataset.panels = 'failed';
      }
    }
  }

  function refresh(tiles) {
    if (tiles) data.redraw();
    loadPanels();
    if (state.near) near?.show(state.near, placeLabel, state.filters);
    else near?.clear();
  }

  // --- residents: the requests near an address or near them
  const near = $('near') ? nearPanel(L, map, say) : null;
  let placeLabel = 'the place in the link';
  function goNear(point, label) {
    placeLabel = label;
    state = { ...state, near: point };
    history.pushState(null, '', `?${stateToSearch({ ...state, view: viewOf(map) })}`);
    near.show(point, label, state.filters, true);
  }
  $('search')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const address = $('s-address').value.trim();
    const borough = $('s-borough').value;
    if (!address) {
      say('Type an address first, such as 350 5th Ave.');
      return;
    }
    try {
      const found = await getJson(`/api/geocode?address=${encodeURIComponent(address)}&borough=${encodeURIComponent(borough)}`);
      say('');
      goNear({ lat: found.lat, lon: found.lon }, `${address}, ${borough}`);
    } catch (err) {
      say(`That address was not found: ${err.message}`);
    }
  });
  $('s-locate')?.addEventListener('click', () => {
    if (!navigator.geolocation) {
      say('This browser cannot tell where you are.');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => goNear({ lat: p.coords.latitude, lon: p.coords.longitude }, 'you'),
      (err) => say(`Your location is not available: ${err.message}`),
      { timeout: 10000 },
    );
  });
  $('near-close')?.addEventListener('click', () => {
    state = { ...state, near: null };
    history.pushState(null, '', `?${stateToSearch({ ...state, view: viewOf(map) })}`);
    near.clear();
  });

  // --- emergency planners: warming-center siting for the requests under the filters
  if ($('siting')) sitingPanel(L, map, say, () => state.filters);

  // --- the URL follows the map; back and forward restore a state
  map.on('moveend', () => {
    state.view = viewOf(map);
    history.replaceState(null, '', `?${stateToSearch(state)}`);
    if ($('full-map')) $('full-map').href = `/?${stateToSearch(state)}`;
    scheduleRestyle();
  });
  window.addEventListener('popstate', () => {
    state = defaults(parseState(location.search));
    panel?.write(state);
    document.querySelectorAll('input[name="period"]').forEach((i) => (i.checked = i.value === state.period));
    if (state.view) map.setView([state.view.lat, state.view.lon], state.view.z);
    refresh(true);
  });

  // --- what lies under a click
  map.on('click', (e) => {
    const found = data.featureAt(e.latlng);
    if (!found) return;
    const popup = L.popup(POPUP_OPTIONS).setLatLng(e.latlng);
    if (found.layer === 'requests') {
      popup.setContent('Loading…').openOn(map);
      getJson(`/api/requests/${found.properties.unique_key}`)
        .then((r) => popup.setContent(requestHtml(r)))
        .catch((err) => popup.setContent(`This request could not be loaded: ${escape(err.message)}`));
    } else {
      popup.setContent(featureHtml(found, districtName, districtQuery())).openOn(map);
    }
  });

  /** The query of a district page with this filter (its own district aside). */
  function districtQuery() {
    const q = stateToSearch({ filters: { ...state.filters, districts: [] }, layer: 'auto', period: 'day', view: null });
    return q ? `?${q}` : '';
  }

  // --- exports and the embed snippet
  const fileStem = () => `srmap-${shownLayer()}-${state.filters.from || 'all'}_${state.filters.to || 'all'}`;
  $('export-csv')?.addEventListener('click', () => {
    const { header, rows } = viewRows(shownLayer(), data.decodedTiles(), (t, x, y) => data.latLngOf(t, x, y), districtName);
    download(new Blob([csv(header, rows)], { type: 'text/csv' }), `${fileStem()}.csv`);
  });
  $('export-png')?.addEventListener('click', () => {
    const canvas = mapCanvas(map, {
      title: `NYC 311 service requests: ${describe(state.filters, districtName)}`,
      legend: legendModel(legendState),
      attribution: `${meta.attribution}. ${$('as-of').textContent}`,
      water: WATER,
    });
    canvas.toBlob((blob) => download(blob, `${fileStem()}.png`), 'image/png');
  });
  $('embed-open')?.addEventListener('click', () =>
    showEmbedDialog(location.href).catch((e) => say(`The embed code could not be made: ${e.message}`)),
  );

  history.replaceState(null, '', `?${stateToSearch({ ...state, view: viewOf(map) })}`);
  if ($('full-map')) $('full-map').href = `/?${stateToSearch({ ...state, view: viewOf(map) })}`;
  if (embedded) postHeight();
  loadPanels();
  if (state.near) near?.show(state.near, placeLabel, state.filters);
}

function viewOf(map) {
  const c = map.getCenter();
  return { z: map.getZoom(), lat: c.lat, lon: c.lng };
}

start().catch((e) => {
  $('status').textContent = `The map could not start: ${e.message}`;
  page.dataset.panels = 'failed';
});
