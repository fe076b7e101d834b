import assert from 'node:assert/strict';
import { test } from 'node:test';
import { series } from '../../main/js/chart.js';

test('days without requests are zeros, in order', () => {
  const [xs, ys] = series([{ day: '2024-01-03', count: 2 }, { day: '2024-01-01', count: 5 }], 'day');
  assert.deepEqual(ys, [5, 0, 2]);
  assert.equal(xs[1] - xs[0], 86400);
});

test('weeks step by seven days', () => {
  const [xs, ys] = series([{ week: '2024-01-01', count: 1 }, { week: '2024-01-15', count: 3 }], 'week');
  assert.deepEqual(ys, [1, 0, 3]);
  assert.equal(xs[1] - xs[0], 7 * 86400);
});

test('no rows, no points', () => assert.deepEqual(series([], 'day'), [[], []]));
