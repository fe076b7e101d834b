// The server's JSON API, as the page uses it.
import { filterParams } from './state.js';

/** GETs JSON; a problem's detail (or the status) becomes the error's message. */
export async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      if (problem.detail) detail = problem.detail;
    } catch {
      // not a problem document: keep the status
    }
    throw new Error(detail);
  }
  return response.json();
}

/** The URL of /api/stats for a filter, grouped by the given groups (none: the totals). */
export function statsUrl(filters, groups = [], extra = {}) {
  const q = filterParams(filters);
  for (const g of groups) q.append('group', g);
  for (const [k, v] of Object.entries(extra)) q.append(k, v);
  const query = q.toString();
  return query ? `/api/stats?${query}` : '/api/stats';
}

/** The URL of a tile of the given layers for a filter. */
export function tileUrl(layers, coords, filters) {
  const query = filterParams(filters).toString();
  return `/tiles/${layers.join(',')}/${coords.z}/${coords.x}/${coords.y}.mvt${query ? `?${query}` : ''}`;
}
