// What a click on the map shows: a request's detail, a district's or a cell's counts.
const number = new Intl.NumberFormat('en-US');

/** Leaflet popup options: a long resolution text scrolls inside the popup instead of outgrowing a small map. */
export const POPUP_OPTIONS = { maxHeight: 280, autoPanPadding: [16, 16] };

export function featureHtml(found, districtName, districtQuery) {
  const p = found.properties;
  if (found.layer === 'districts') {
    return `<strong>${escape(districtName(p.boro_cd))}</strong><br>${number.format(p.count)} requests${
      p.rate === undefined ? '' : ` (${p.rate} per 1,000 residents)`
    }<br>${number.format(p.unplaced)} without a location<br><a href="/district/${p.boro_cd}${districtQuery}">District page</a>`;
  }
  return `<strong>H3 cell ${escape(p.cell)}</strong><br>${number.format(p.count)} requests, ${number.format(p.open)} open<br>most: ${escape(p.top_type)}`;
}

export function requestHtml(r) {
  const when = (t) => (t ? new Date(t).toLocaleString('en-US', { timeZone: 'America/New_York' }) : '—');
  return `<strong>${escape(r.complaint_type)}</strong>${r.descriptor ? `: ${escape(r.descriptor)}` : ''}<br>
    ${escape(r.status)} · ${escape(r.agency || '')} · #${r.unique_key}<br>
    opened ${escape(when(r.created))}<br>closed ${escape(when(r.closed))}
    ${r.address ? `<br>${escape(r.address)}` : ''}
    ${r.location_generalised ? '<br><em>Location approximate: shown at the centre of its block-sized H3 cell, without a house number, for privacy.</em>' : ''}
    ${r.resolution ? `<p class="resolution">${escape(r.resolution)}</p>` : ''}`;
}

export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
