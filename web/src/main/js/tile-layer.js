// A Leaflet grid layer of the server's Mapbox Vector Tiles, drawn on canvases. It keeps each tile's
// decoded features so that it can paint the tiles again when the colour classes change (without
// fetching them again) and tell what lies under a click.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/**
 * The layer class for a Leaflet instance. Options: layers(z) -> the layers a tile of zoom z holds;
 * url(layers, coords) -> its URL; paint(ctx, tile, size) draws a decoded tile; onTile(tile) is told
 * of each tile decoded; onError(error).
 */
export function tileLayerClass(L) {
  return L.GridLayer.extend({
    initialize(options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this._decoded = new Map();
      this._aborts = new Map();
      this.on('tileunload', (e) => {
        const key = this._tileCoordsToKey(e.coords);
        this._aborts.get(key)?.abort();
        this._aborts.delete(key);
        this._decoded.delete(key);
      });
    },

    createTile(coords, done) {
      const canvas = L.DomUtil.create('canvas', 'srmap-tile');
      const size = this.getTileSize().x;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = size * ratio;
      canvas.height = size * ratio;
      const key = this._tileCoordsToKey(coords);
      const abort = new AbortController();
      this._aborts.set(key, abort);
      const layers = this.options.layers(coords.z);
      fetch(this.options.url(layers, coords), { signal: abort.signal })
        .then((response) => {
          if (response.status === 204) return null;
          if (!response.ok) throw new Error(`tile ${key}: HTTP ${response.status}`);
          return response.arrayBuffer();
        })
        .then((buffer) => {
          const tile = decode(buffer, size, layers);
          tile.coords = { x: coords.x, y: coords.y, z: coords.z };
          this._decoded.set(key, tile);
          this._paint(canvas, tile);
          this.options.onTile?.(tile);
          done(null, canvas);
        })
        .catch((error) => {
          if (error.name === 'AbortError') return; // the tile left the view
          this.options.onError?.(error);
          done(error, canvas);
        });
      return canvas;
    },

    /** The decoded tiles in view. */
    decodedTiles() {
      return [...this._decoded.values()];
    },

    /** Paints every tile in view again from its decoded features. */
    repaint() {
      for (const [key, tile] of this._decoded) {
        const t = this._tiles[key];
        if (t) this._paint(t.el, tile);
      }
    },

    /** The map position [lat, lon] of a pixel of a decoded tile. */
    latLngOf(tile, x, y) {
      const size = this.getTileSize().x;
      const ll = this._map.unproject(L.point(tile.coords.x * size + x, tile.coords.y * size + y), tile.coords.z);
      return [ll.lat, ll.lng];
    },

    /**
     * The community districts drawn within the map's view, by BoroCD: those with an outline point
     * in view, and the one under the view's centre (a view inside one district shows none of its
     * outline).
     */
    districtsInView() {
      const z = this._tileZoom;
      const size = this.getTileSize().x;
      const view = this._map.getPixelBounds();
      const seen = new Set();
      for (const tile of this._decoded.values()) {
        if (tile.coords.z !== z) continue;
        const ox = tile.coords.x * size;
        const oy = tile.coords.y * size;
        for (const f of tile.districts) {
          const cd = f.properties.boro_cd;
          if (seen.has(cd)) continue;
          if (f.rings.some((ring) => ring.some(([x, y]) => view.contains([x + ox, y + oy])))) seen.add(cd);
        }
      }
      const centre = this.featureAt(this._map.getCenter(), ['districts']);
      if (centre) seen.add(centre.properties.boro_cd);
      return seen;
    },

    /** The feature drawn at a point of the map (the topmost), as { layer, properties }, or null. */
    featureAt(latlng, layers) {
      const z = this._tileZoom;
      if (z === undefined) return null;
      const size = this.getTileSize().x;
      const p = this._map.project(latlng, z);
      const coords = L.point(Math.floor(p.x / size), Math.floor(p.y / size));
      coords.z = z;
      const tile = this._decoded.get(this._tileCoordsToKey(coords));
      if (!tile) return null;
      return hit(tile, p.x - coords.x * size, p.y - coords.y * size, layers);
    },

    _paint(canvas, tile) {
      const ctx = canvas.getContext('2d');
      const ratio = canvas.width / this.getTileSize().x;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      if (tile) this.options.paint(ctx, tile, this.getTileSize().x);
    },
  });
}

/**
 * The features of a tile in canvas pixels (0..size), by layer: polygons as rings, points as x, y;
 * with the layers it was asked for. A tile without features (204) is an empty one.
 */
export function decode(buffer, size, layers) {
  const tile = { layers, districts: [], hexbins: [], requests: [], capped: null };
  if (!buffer) return tile;
  const vt = new VectorTile(new PbfReader(buffer));
  for (const name of Object.keys(vt.layers)) {
    const layer = vt.layers[name];
    const scale = size / layer.extent;
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const geometry = f.loadGeometry().map((ring) => ring.map((pt) => [pt.x * scale, pt.y * scale]));
      if (name === 'requests_capped') {
        tile.capped = f.properties;
      } else if (f.type === 1) {
        const [x, y] = geometry[0][0];
        (tile[name] ||= []).push({ properties: f.properties, x, y });
      } else {
        (tile[name] ||= []).push({ properties: f.properties, rings: geometry });
      }
    }
  }
  return tile;
}

/**
 * Points first (within 6 px), then hexbins, then districts (inside, by the even-odd rule); only
 * among the given layers when some are.
 */
export function hit(tile, x, y, layers = ['requests', 'hexbins', 'districts']) {
  let best = null;
  let bestD = 36;
  for (const f of layers.includes('requests') ? tile.requests : []) {
    const d = (f.x - x) ** 2 + (f.y - y) ** 2;
    if (d <= bestD) {
      best = f;
      bestD = d;
    }
  }
  if (best) return { layer: 'requests', properties: best.properties };
  for (const name of ['hexbins', 'districts'].filter((n) => layers.includes(n))) {
    const f = tile[name].find((feature) => inside(feature.rings, x, y));
    if (f) return { layer: name, properties: f.properties };
  }
  return null;
}

function inside(rings, x, y) {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}
