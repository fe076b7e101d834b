// The page's state and its URL: every filter, the layer, the chart's period and the map's position
// live in the query string, so a link, a reload, back and forward all give the same view.

/** The filters of the server's API, in the order the URL lists them. */
export const FILTER_NAMES = ['category', 'type', 'from', 'to', 'status', 'district', 'agency'];

/** What the map draws: by zoom (districts, then hexbins, then points), or one layer at every zoom. */
export const LAYERS = ['auto', 'districts', 'hexbins', 'requests'];

export const PERIODS = ['day', 'week'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An empty filter: every request. */
export function noFilter() {
  return { category: null, types: [], from: null, to: null, status: null, districts: [], agency: null };
}

/**
 * The state a query string says. Values a person may have mistyped are dropped rather than
 * trusted: the server checks filters again and the page must still open.
 */
export function parseState(search) {
  const q = new URLSearchParams(search);
  const one = (name, ok) => {
    const v = q.get(name);
    return v !== null && v.trim() !== '' && ok(v.trim()) ? v.trim() : null;
  };
  const filters = {
    category: one('category', () => true),
    types: unique(q.getAll('type').map((t) => t.trim()).filter((t) => t !== '')).sort(),
    from: one('from', (v) => DAY.test(v)),
    to: one('to', (v) => DAY.test(v)),
    status: one('status', (v) => v === 'open' || v === 'closed'),
    districts: unique(q.getAll('district').filter((d) => /^\d{3}$/.test(d)).map(Number)).sort((a, b) => a - b),
    agency: one('agency', () => true),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    filters.to = null;
  }
  const z = Number(one('z', (v) => /^\d{1,2}$/.test(v)));
  const lat = Number(one('lat', (v) => Number.isFinite(Number(v))));
  const lon = Number(one('lon', (v) => Number.isFinite(Number(v))));
  const view =
    q.has('z') && q.has('lat') && q.has('lon') && z >= 0 && z <= 22 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
      ? { z, lat, lon }
      : null;
  const near = /^(-?\d{1,2}(\.\d+)?),(-?\d{1,3}(\.\d+)?)$/.exec(q.get('near') || '');
  return {
    filters,
    near: near ? { lat: Number(near[1]), lon: Number(near[3]) } : null,
    // no dates in the URL means the default range, unless it asks for all of them
    allDates: !filters.from && !filters.to && q.get('dates') === 'all',
    layer: one('layer', (v) => LAYERS.includes(v)) || 'auto',
    period: one('period', (v) => PERIODS.includes(v)) || 'day',
    view,
  };
}

/** The query string of a state (without '?'): filters first, then layer, period and position. */
export function stateToSearch(state) {
  const q = filterParams(state.filters);
  if (!state.filters.from && !state.filters.to) q.append('dates', 'all');
  if (state.near) q.append('near', `${state.near.lat.toFixed(5)},${state.near.lon.toFixed(5)}`);
  if (state.layer && state.layer !== 'auto') q.append('layer', state.layer);
  if (state.period && state.period !== 'day') q.append('period', state.period);
  if (state.view) {
    q.append('z', String(state.view.z));
    q.append('lat', state.view.lat.toFixed(5));
    q.append('lon', state.view.lon.toFixed(5));
  }
  return q.toString();
}

/** The filters as the API's query parameters. */
export function filterParams(filters) {
  const q = new URLSearchParams();
  if (filters.category) q.append('category', filters.category);
  for (const t of filters.types) q.append('type', t);
  if (filters.from) q.append('from', filters.from);
  if (filters.to) q.append('to', filters.to);
  if (filters.status) q.append('status', filters.status);
  for (const d of filters.districts) q.append('district', String(d));
  if (filters.agency) q.append('agency', filters.agency);
  return q;
}

/** Whether two filters select the same requests. */
export function sameFilters(a, b) {
  return filterParams(a).toString() === filterParams(b).toString();
}

/**
 * The layers a tile of zoom z holds: in 'auto', district shading to zoom 11, hexbins to the zoom
 * before points begin, then the points; district outlines under the finer layers for orientation.
 */
export function layersAt(layer, z, requestsMinZoom) {
  if (layer === 'districts') return ['districts'];
  if (layer === 'hexbins') return ['districts', 'hexbins'];
  if (layer === 'requests') return ['districts', 'requests'];
  if (z <= 11) return ['districts'];
  if (z < requestsMinZoom) return ['districts', 'hexbins'];
  return ['districts', 'requests'];
}

function unique(values) {
  return [...new Set(values)];
}

/**
 * The filter in words, for a title or a caption: types (or the category), status, dates and
 * districts, e.g. "HEAT/HOT WATER, open, 2025-10-01 to 2025-10-13, in Bronx 5".
 */
export function describe(filters, districtName = (d) => String(d)) {
  const parts = [];
  if (filters.types.length > 0) parts.push(listOf(filters.types));
  else if (filters.category) parts.push(filters.category);
  else parts.push('All requests');
  if (filters.agency) parts.push(`handled by ${filters.agency}`);
  if (filters.status) parts.push(filters.status);
  if (filters.from && filters.to) parts.push(filters.from === filters.to ? filters.from : `${filters.from} to ${filters.to}`);
  else if (filters.from) parts.push(`from ${filters.from}`);
  else if (filters.to) parts.push(`to ${filters.to}`);
  else parts.push('all dates');
  if (filters.districts.length > 0) parts.push(`in ${listOf(filters.districts.map(districtName))}`);
  return parts.join(', ');
}

function listOf(items) {
  if (items.length <= 3) return items.join(' or ');
  return `${items.slice(0, 2).join(', ')} or ${items.length - 2} more`;
}
