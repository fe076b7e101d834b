import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layersAt, parseState, stateToSearch } from '../../main/js/state.js';

test('a state survives its own URL', () => {
  const state = {
    filters: { category: 'Noise', types: ['Noise - Residential', 'Noise - Street/Sidewalk'], from: '2024-01-01',
      to: '2024-01-31', status: 'open', districts: [101, 307], agency: null },
    near: { lat: 40.748, lon: -73.9857 }, allDates: false, layer: 'hexbins', period: 'week', view: { z: 13, lat: 40.71234, lon: -73.95678 },
  };
  assert.deepEqual(parseState(`?${stateToSearch(state)}`), state);
});

test('no dates means all dates only when the URL says so', () => {
  assert.equal(parseState('?dates=all').allDates, true);
  assert.equal(parseState('').allDates, false);
  assert.match(stateToSearch(parseState('?dates=all')), /dates=all/);
});

test('mistyped values are dropped, not trusted', () => {
  const s = parseState('?from=2024-13&status=maybe&district=abc&district=205&layer=pie&z=99&lat=1&lon=2&period=year');
  assert.equal(s.filters.from, null);
  assert.equal(s.filters.status, null);
  assert.deepEqual(s.filters.districts, [205]);
  assert.equal(s.layer, 'auto');
  assert.equal(s.view, null);
  assert.equal(s.period, 'day');
});

test('a range given backwards keeps its start', () => {
  const s = parseState('?from=2024-02-01&to=2024-01-01');
  assert.equal(s.filters.from, '2024-02-01');
  assert.equal(s.filters.to, null);
});

for (const [layer, z, expected] of [
  ['auto', 10, 'districts'], ['auto', 11, 'districts'], ['auto', 12, 'districts,hexbins'], ['auto', 13, 'districts,hexbins'],
  ['auto', 14, 'districts,requests'], ['districts', 16, 'districts'], ['requests', 10, 'districts,requests'],
]) {
  test(`layer ${layer} at zoom ${z} asks for ${expected}`, () => {
    assert.equal(layersAt(layer, z, 14).join(','), expected);
  });
}

test('a filter is described in words', async () => {
  const { describe } = await import('../../main/js/state.js');
  const f = { category: 'Noise', types: [], from: '2025-10-01', to: '2025-10-13', status: 'open', districts: [205], agency: null };
  assert.equal(describe(f, (d) => `Bronx ${d % 100}`), 'Noise, open, 2025-10-01 to 2025-10-13, in Bronx 5');
  assert.equal(describe({ ...f, category: null, types: ['A', 'B', 'C', 'D'], status: null, from: null, to: null, districts: [] }),
    'A, B or 2 more, all dates');
});
