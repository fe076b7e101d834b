// Colours and class breaks. Both palettes are safe for the common colour-vision deficiencies:
// ColorBrewer's YlGnBu (sequential, light to dark, readable in greyscale too) for counts and rates,
// and Okabe and Ito's eight colours for categories.

export const SEQUENTIAL = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];

export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442'];

/** The colour of categories beyond the seventh. */
export const OTHER = '#555555';

/** Where nothing is known (a district where nobody lives has no rate). */
export const NO_DATA = '#d9d9d9';

/**
 * Upper bounds of up to SEQUENTIAL.length classes for positive values: quantiles of the values,
 * rounded to two significant digits and without repeats, so one very busy district or cell does not
 * wash the rest out. The last bound is the maximum.
 */
export function breaks(values) {
  const v = values.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const out = [];
  for (let i = 1; i <= SEQUENTIAL.length; i++) {
    const at = Math.min(v.length - 1, Math.floor((i * v.length) / SEQUENTIAL.length));
    const q = i === SEQUENTIAL.length ? v[v.length - 1] : round2(v[at]);
    if (out.length === 0 || q > out[out.length - 1]) out.push(q);
  }
  out[out.length - 1] = Math.max(out[out.length - 1], v[v.length - 1]);
  return out;
}

/** The colour of a value under some breaks: the first class whose bound holds it. */
export function colourOf(value, bounds) {
  if (!Number.isFinite(value) || bounds.length === 0) return NO_DATA;
  if (value <= 0) return SEQUENTIAL[0];
  const offset = SEQUENTIAL.length - bounds.length; // fewer classes take the darker end
  for (let i = 0; i < bounds.length; i++) {
    if (value <= bounds[i]) return SEQUENTIAL[offset + i];
  }
  return SEQUENTIAL[SEQUENTIAL.length - 1];
}

/** A colour for each category, the most frequent first, OTHER beyond the palette. */
export function categoryColours(categoriesByCount) {
  const map = new Map();
  categoriesByCount.forEach((c, i) => map.set(c, i < CATEGORICAL.length ? CATEGORICAL[i] : OTHER));
  return map;
}

function round2(x) {
  if (x <= 0) return x;
  const p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
  return Number((Math.ceil(x / p) * p).toPrecision(2));
}
