// Residents: the requests near an address or near the person, as a list beside the map and as
// points on it. The place is part of the page's state (near= in the URL).
import { getJson } from './api.js';
import { POPUP_OPTIONS, requestHtml } from './popups.js';
import { filterParams } from './state.js';

/** How far around the place, in metres, and how many requests the list holds at most. */
export const RADIUS_METRES = 400;
export const LIST_SIZE = 100;

/** The API's URL of the requests near a point under a filter, nearest first. */
export function nearUrl(place, filters) {
  const q = filterParams(filters);
  q.set('lat', place.lat.toFixed(6));
  q.set('lon', place.lon.toFixed(6));
  q.set('radius', String(RADIUS_METRES));
  q.set('page_size', String(LIST_SIZE));
  return `/api/requests?${q}`;
}

/** One line of the list: what, its status, when, how far. */
export function nearLine(r) {
  const day = r.created ? r.created.slice(0, 10) : '';
  // a generalised request's distance is to its H3 cell's centre, not to where it was reported
  const distance = `${r.location_generalised ? 'about ' : ''}${Math.round(r.metres)} m`;
  return `${r.complaint_type}${r.descriptor ? `: ${r.descriptor}` : ''} (${r.status}, ${day}, ${distance})`;
}

/** The panel and the map layer of the requests near a place. */
export function nearPanel(L, map, say) {
  const layer = L.layerGroup().addTo(map);
  const panel = document.getElementById('near');
  let shown = null;

  async function show(place, label, filters, focus) {
    shown = place;
    panel.hidden = false;
    document.getElementById('near-heading').textContent = `Requests within ${RADIUS_METRES} m of ${label}`;
    const answer = await getJson(nearUrl(place, filters));
    if (shown !== place) return; // another place was asked for meanwhile
    layer.clearLayers();
    L.marker([place.lat, place.lon], {
      icon: L.divIcon({ className: 'near-marker', iconSize: [14, 14] }),
      title: label,
      keyboard: false,
    }).addTo(layer);
    const list = document.getElementById('near-list');
    list.replaceChildren(
      ...answer.requests.map((r) => {
        // a dark ring around the request's point, which the tiles draw in its category's colour
        const point = r.lat === null ? null : L.circleMarker([r.lat, r.lon], { radius: 8, color: '#1f2328', weight: 2, fillOpacity: 0 })
          .bindPopup(requestHtml(r), POPUP_OPTIONS)
          .addTo(layer);
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = nearLine(r);
        button.addEventListener('click', () => point?.openPopup());
        item.append(button);
        return item;
      }),
    );
    document.getElementById('near-summary').textContent =
      answer.total === 0
        ? 'None under these filters.'
        : `${answer.total} under these filters${answer.total > LIST_SIZE ? `; the nearest ${LIST_SIZE} are listed` : ''}.`;
    if (focus) map.setView([place.lat, place.lon], Math.max(map.getZoom(), 16));
    return answer;
  }

  function clear() {
    shown = null;
    layer.clearLayers();
    panel.hidden = true;
  }

  return {
    /** Lists the requests near a place; focus: and moves the map there. */
    show: (place, label, filters, focus = false) => show(place, label, filters, focus).catch((e) => say(`The requests nearby could not be loaded: ${e.message}`)),
    clear,
  };
}
