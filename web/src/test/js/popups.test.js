import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestHtml } from '../../main/js/popups.js';

const request = {
  complaint_type: 'HEAT/HOT WATER', descriptor: 'ENTIRE BUILDING', status: 'Open', agency: 'HPD', unique_key: 42,
  created: '2025-10-12T22:36:19Z', closed: null, address: 'QUEENS BOULEVARD', resolution: null,
};

test('a generalised request says its place is approximate', () => {
  const html = requestHtml({ ...request, location_generalised: true });
  assert.match(html, /QUEENS BOULEVARD/);
  assert.match(html, /Location approximate/);
});

test('another request says nothing of it', () => {
  assert.doesNotMatch(requestHtml({ ...request, location_generalised: false }), /approximate/);
});
