import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breaks, categoryColours, colourOf, NO_DATA, OTHER, SEQUENTIAL } from '../../main/js/style.js';

test('breaks are rounded quantiles ending at the maximum', () => {
  const b = breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1000]);
  assert.equal(b[b.length - 1], 1000);
  assert.ok(b.length <= SEQUENTIAL.length);
  for (let i = 1; i < b.length; i++) assert.ok(b[i] > b[i - 1]);
  assert.ok(b[b.length - 2] < 100, 'one outlier does not take the classes');
});

test('few distinct values make few classes, from the dark end', () => {
  const b = breaks([5, 5, 5]);
  assert.deepEqual(b, [5]);
  assert.equal(colourOf(5, b), SEQUENTIAL[SEQUENTIAL.length - 1]);
});

test('unknown values and empty data have the no-data colour', () => {
  assert.equal(colourOf(undefined, [1, 2]), NO_DATA);
  assert.equal(colourOf(3, []), NO_DATA);
  assert.deepEqual(breaks([0, -1, NaN]), []);
});

test('every value falls in the class of the first bound that holds it', () => {
  const b = [10, 20, 30];
  assert.equal(colourOf(10, b), SEQUENTIAL[3]);
  assert.equal(colourOf(10.5, b), SEQUENTIAL[4]);
  assert.equal(colourOf(31, b), SEQUENTIAL[5]);
});

test('categories beyond the palette share one colour', () => {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const colours = categoryColours(names);
  assert.equal(new Set(names.slice(0, 7).map((n) => colours.get(n))).size, 7);
  assert.equal(colours.get('h'), OTHER);
});
