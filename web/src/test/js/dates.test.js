import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, heatSeason, presetOf, presets } from '../../main/js/dates.js';

for (const [day, n, expected] of [['2024-03-01', -1, '2024-02-29'], ['2023-12-31', 1, '2024-01-01'], ['2024-11-03', 1, '2024-11-04']]) {
  test(`${n} day from ${day} is ${expected}`, () => assert.equal(addDays(day, n), expected));
}

for (const [day, from, to] of [
  ['2025-10-13', '2025-10-01', '2025-10-13'],
  ['2026-02-10', '2025-10-01', '2026-02-10'],
  ['2026-05-31', '2025-10-01', '2026-05-31'],
  ['2026-07-04', '2025-10-01', '2026-05-31'],
  ['2026-10-01', '2026-10-01', '2026-10-01'],
]) {
  test(`the heat season of ${day} is ${from} to ${to}`, () => assert.deepEqual(heatSeason(day), { from, to }));
}

test('presets end at the newest day of the data and are recognised', () => {
  const list = presets('2025-10-13');
  assert.deepEqual(list.map((p) => [p.id, p.from, p.to]), [
    ['7d', '2025-10-07', '2025-10-13'], ['30d', '2025-09-14', '2025-10-13'], ['90d', '2025-07-16', '2025-10-13'],
    ['heat', '2025-10-01', '2025-10-13'],
  ]);
  assert.equal(presetOf({ from: '2025-09-14', to: '2025-10-13' }, list), '30d');
  assert.equal(presetOf({ from: '2025-09-15', to: '2025-10-13' }, list), 'custom');
  assert.equal(presetOf({ from: null, to: null }, list), 'all');
});
