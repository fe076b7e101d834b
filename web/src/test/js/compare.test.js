import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRows, spanDays } from '../../main/js/compare.js';

test('a range counts both its days', () => {
  assert.equal(spanDays('2024-12-02', '2024-12-31'), 30);
  assert.equal(spanDays('2024-03-09', '2024-03-11'), 3);
});

test('the comparison gives rates per 1,000 residents and leaves unknowns as dashes', () => {
  const rows = compareRows(
    { count: 3989, unplaced: 64, population: 126230, median_days: 0.176, p90_days: 4.63 },
    { count: 90000, unplaced: 900, population: 2736074 },
    { count: 285173, unplaced: 4000, population: 8804190, median_days: 1.04, p90_days: 9.96 },
  );
  assert.deepEqual(rows[0], ['Requests', '3,989', '90,000', '285,173']);
  assert.deepEqual(rows[1], ['Per 1,000 residents', '31.6', '32.9', '32.4']);
  assert.deepEqual(rows[3], ['Median days to close', '0.2', '—', '1']);
  assert.deepEqual(compareRows({ count: 5, unplaced: 0, population: null }, { count: 5, unplaced: 0 }, { count: 5, unplaced: 0 })[1],
    ['Per 1,000 residents', '—', '—', '—']);
});
