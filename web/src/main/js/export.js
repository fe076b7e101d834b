// Exports of what the map shows: a PNG of the map with its title, legend and attribution (for a
// newsletter), and a CSV of the features drawn in view (districts, cells or requests).
import { OTHER, SEQUENTIAL } from './style.js';

/** Saves a blob under a file name, as the browser saves downloads. */
export function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The rows of the features drawn in view: each district or cell once, each request once with its
 * position (the tile's grid, a few metres at zoom 14). toLatLng(tile, x, y) turns a tile's pixel
 * into [lat, lon].
 */
export function viewRows(shown, tiles, toLatLng, districtName) {
  if (shown === 'districts') {
    const seen = new Map();
    for (const t of tiles) for (const f of t.districts) seen.set(f.properties.boro_cd, f.properties);
    return {
      header: ['boro_cd', 'district', 'requests', 'per_1000_residents', 'without_location'],
      rows: [...seen.values()]
        .sort((a, b) => a.boro_cd - b.boro_cd)
        .map((p) => [p.boro_cd, districtName(p.boro_cd), p.count, p.rate ?? '', p.unplaced]),
    };
  }
  if (shown === 'hexbins') {
    const seen = new Map();
    for (const t of tiles) for (const f of t.hexbins) seen.set(f.properties.cell, f.properties);
    return {
      header: ['h3_cell', 'requests', 'open', 'top_type'],
      rows: [...seen.values()].sort((a, b) => b.count - a.count).map((p) => [p.cell, p.count, p.open, p.top_type]),
    };
  }
  const seen = new Map();
  for (const t of tiles) {
    for (const f of t.requests) {
      const [lat, lon] = toLatLng(t, f.x, f.y);
      seen.set(f.properties.unique_key, { ...f.properties, lat, lon });
    }
  }
  const iso = (s) => (s ? new Date(s * 1000).toISOString() : '');
  return {
    header: ['unique_key', 'created', 'closed', 'status', 'category', 'complaint_type', 'descriptor', 'lat', 'lon'],
    rows: [...seen.values()]
      .sort((a, b) => b.created - a.created)
      .map((p) => [p.unique_key, iso(p.created), iso(p.closed), p.status, p.category, p.complaint_type, p.descriptor,
        p.lat.toFixed(6), p.lon.toFixed(6)]),
  };
}

/**
 * The map as it is on screen, drawn into one canvas: water, then every canvas and image of the
 * map's panes in their order (land, a basemap when it allows it, the data), with a title above, the
 * legend to the right and the attribution below.
 */
export function mapCanvas(map, { title, legend, attribution, water }) {
  const size = map.getSize();
  const head = 34;
  const foot = 22;
  const side = 250;
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = (size.x + side) * ratio;
  canvas.height = (size.y + head + foot) * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.x + side, size.y + head + foot);
  ctx.fillStyle = water;
  ctx.fillRect(0, head, size.x, size.y);

  const box = map.getContainer().getBoundingClientRect();
  // the panes under the map pane (which holds them all), lowest first
  const panes = [...map.getContainer().querySelectorAll('.leaflet-pane:not(.leaflet-map-pane)')]
    .filter((p) => p.querySelector('canvas, img'))
    .sort((a, b) => Number(getComputedStyle(a).zIndex || 0) - Number(getComputedStyle(b).zIndex || 0));
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, head, size.x, size.y);
  ctx.clip();
  for (const pane of panes) {
    for (const el of pane.querySelectorAll('canvas, img')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right < box.left || r.left > box.right) continue;
      try {
        ctx.drawImage(el, r.left - box.left, r.top - box.top + head, r.width, r.height);
      } catch {
        // an image from a host that does not allow it (no CORS) is left out
      }
    }
  }
  ctx.restore();

  ctx.fillStyle = '#1f2328';
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.fillText(title, 8, 22, size.x + side - 16);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#57606a';
  ctx.fillText(attribution, 8, head + size.y + 15, size.x + side - 16);
  drawLegend(ctx, legend, size.x + 12, head + 8, side - 20);
  return canvas;
}

/** The legend model: { heading, classes: [{ colour, label }], note }. */
function drawLegend(ctx, legend, x, y, width) {
  ctx.fillStyle = '#1f2328';
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.fillText(legend.heading, x, y + 12, width);
  let at = y + 30;
  ctx.font = '12px system-ui, sans-serif';
  for (const c of legend.classes) {
    ctx.fillStyle = c.colour;
    ctx.fillRect(x, at - 10, 16, 12);
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.strokeRect(x, at - 10, 16, 12);
    ctx.fillStyle = '#1f2328';
    ctx.fillText(c.label, x + 22, at, width - 22);
    at += 18;
  }
  ctx.fillStyle = '#57606a';
  for (const line of wrap(ctx, legend.note, width)) {
    at += 16;
    ctx.fillText(line, x, at);
  }
}

function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The legend's model for the PNG, from what the legend shows on screen. */
export function legendModel({ shown, breaks, categories, colours, total, unplaced }) {
  const number = new Intl.NumberFormat('en-US');
  const short = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
  const offset = SEQUENTIAL.length - breaks.length;
  const classes =
    shown === 'requests'
      ? [...categories.slice(0, 7).map((c) => ({ colour: colours.get(c), label: c })),
        ...(categories.length > 7 ? [{ colour: OTHER, label: 'other categories' }] : [])]
      : breaks.map((b, i) => ({ colour: SEQUENTIAL[offset + i], label: `${short.format(i === 0 ? 0 : breaks[i - 1])} to ${short.format(b)}` }));
  const heading = { districts: 'Requests per 1,000 residents', hexbins: 'Requests per H3 cell', requests: 'Service requests' }[shown]
    || 'Service requests';
  const note = total === null ? '' : `${number.format(total)} requests match; ${number.format(unplaced)} have no location and are not drawn.`;
  return { heading, classes, note };
}
