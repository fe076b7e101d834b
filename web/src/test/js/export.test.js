import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csv, csvField, viewRows } from '../../main/js/export.js';

for (const [value, expected] of [['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], [null, ''], [12, '12']]) {
  test(`a CSV field of ${JSON.stringify(value)} is ${JSON.stringify(expected)}`, () => assert.equal(csvField(value), expected));
}

test('CSV rows end with CRLF, header first', () => {
  assert.equal(csv(['a', 'b'], [[1, 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
});

const tile = (over) => ({ layers: ['districts'], districts: [], hexbins: [], requests: [], capped: null, coords: { x: 0, y: 0, z: 14 }, ...over });

test('each district is one row, whatever the tiles it spans', () => {
  const d = (boro_cd, count) => ({ properties: { boro_cd, count, rate: 1.5, unplaced: 2 }, rings: [] });
  const { header, rows } = viewRows('districts', [tile({ districts: [d(307, 5), d(301, 9)] }), tile({ districts: [d(307, 5)] })], null, (cd) => `Brooklyn ${cd % 100}`);
  assert.deepEqual(header, ['boro_cd', 'district', 'requests', 'per_1000_residents', 'without_location']);
  assert.deepEqual(rows, [[301, 'Brooklyn 1', 9, 1.5, 2], [307, 'Brooklyn 7', 5, 1.5, 2]]);
});

test('requests keep their key and get their position', () => {
  const p = { unique_key: 61234567, created: 1760300000, closed: 0, status: 'Open', category: 'Noise', complaint_type: 'Noise - Residential', descriptor: 'Loud Music/Party' };
  const { rows } = viewRows('requests', [tile({ requests: [{ properties: p, x: 10, y: 20 }] })], (t, x, y) => [40 + y / 1000, -74 + x / 1000], null);
  assert.deepEqual(rows, [[61234567, '2025-10-12T20:13:20.000Z', '', 'Open', 'Noise', 'Noise - Residential', 'Loud Music/Party', '40.020000', '-73.990000']]);
});
