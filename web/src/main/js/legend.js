// The legend: what the map shows at this zoom, its colour classes, and how many requests matched
// but could not be placed (no location), so the map's total is never mistaken for the whole.
import { SEQUENTIAL, OTHER } from './style.js';

const number = new Intl.NumberFormat('en-US');
const short = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** The legend's content for what is drawn. */
export function legendHtml({ shown, breaks, categories, colours, total, unplaced, capped, minZoom }) {
  const parts = [];
  if (shown === 'districts') {
    parts.push('<h2>Requests per 1,000 residents</h2><p class="sub">by community district</p>', classes(breaks));
    parts.push('<p class="sub"><span class="swatch nodata"></span> no residents (parks, airports)</p>');
  } else if (shown === 'hexbins') {
    parts.push('<h2>Requests per cell</h2><p class="sub">H3 hexagons; district outlines for reference</p>', classes(breaks));
  } else if (shown === 'requests') {
    parts.push('<h2>Service requests</h2><p class="sub">by category</p><ul class="classes">');
    for (const c of categories.slice(0, 7)) parts.push(`<li><span class="swatch dot" style="background:${colours.get(c)}"></span>${escape(c)}</li>`);
    if (categories.length > 7) parts.push(`<li><span class="swatch dot" style="background:${OTHER}"></span>other categories</li>`);
    parts.push('</ul>');
    if (capped) parts.push(`<p class="sub">Dense areas show 1 in ${capped} requests; zoom in for all.</p>`);
  } else {
    parts.push(`<h2>Service requests</h2><p class="sub">Points are drawn from zoom ${minZoom}; zoom in to see them.</p>`);
  }
  if (total !== null) {
    parts.push(`<p class="total"><strong>${number.format(total)}</strong> requests match the filters`);
    if (unplaced > 0) parts.push(`; <strong>${number.format(unplaced)}</strong> of them have no location and are not on the map (they count in their district's totals)`);
    parts.push('.</p>');
  }
  return parts.join('');
}

function classes(breaks) {
  if (breaks.length === 0) return '<p class="sub">no requests in view</p>';
  const offset = SEQUENTIAL.length - breaks.length;
  const items = breaks.map((b, i) => {
    const low = i === 0 ? 0 : breaks[i - 1];
    return `<li><span class="swatch" style="background:${SEQUENTIAL[offset + i]}"></span>${short.format(low)} to ${short.format(b)}</li>`;
  });
  return `<ul class="classes">${items.join('')}</ul>`;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
