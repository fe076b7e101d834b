// How a decoded tile is drawn: the finest layer it holds is shaded (district rates, hexbin counts,
// points by category) and the district outlines go on top of finer layers, for orientation.
import { colourOf, NO_DATA, OTHER } from './style.js';

/**
 * A painter for the tile layer. The look holds what the current data decides and may change
 * between paints: districtBreaks and hexbinBreaks (class bounds) and categoryColours (a Map).
 */
export function painter(look) {
  return (ctx, tile, size) => {
    if (tile.layers.includes('hexbins')) {
      fillPolygons(ctx, tile.hexbins, (p) => colourOf(p.count, look.hexbinBreaks), 0.85);
      outlineDistricts(ctx, tile.districts);
    } else if (tile.layers.includes('requests')) {
      outlineDistricts(ctx, tile.districts);
      drawPoints(ctx, tile.requests, look.categoryColours, size);
    } else {
      fillPolygons(ctx, tile.districts, (p) => (p.rate === undefined ? NO_DATA : colourOf(p.rate, look.districtBreaks)), 0.8);
      strokePolygons(ctx, tile.districts, '#ffffff', 1);
    }
  };
}

function fillPolygons(ctx, features, colour, alpha) {
  ctx.globalAlpha = alpha;
  for (const f of features) {
    ctx.fillStyle = colour(f.properties);
    ctx.beginPath();
    trace(ctx, f.rings);
    ctx.fill('evenodd');
  }
  ctx.globalAlpha = 1;
}

function strokePolygons(ctx, features, colour, width) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  for (const f of features) {
    ctx.beginPath();
    trace(ctx, f.rings);
    ctx.stroke();
  }
}

function outlineDistricts(ctx, features) {
  strokePolygons(ctx, features, 'rgba(40, 40, 40, 0.55)', 1);
}

function drawPoints(ctx, points, colours, size) {
  const r = size >= 512 ? 5 : 4;
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#ffffff';
  for (const p of points) {
    ctx.fillStyle = colours.get(p.properties.category) || OTHER;
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

function trace(ctx, rings) {
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}
