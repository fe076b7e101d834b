import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIST_SIZE, nearLine, nearUrl, RADIUS_METRES } from '../../main/js/near.js';
import { parseState, stateToSearch } from '../../main/js/state.js';

test('the nearby query carries the filters, the place, the radius and the list size', () => {
  const url = nearUrl({ lat: 40.748, lon: -73.9857 }, { category: null, types: ['HEAT/HOT WATER'], from: '2025-10-01', to: null, status: 'open', districts: [], agency: null });
  assert.equal(url, `/api/requests?type=HEAT%2FHOT+WATER&from=2025-10-01&status=open&lat=40.748000&lon=-73.985700&radius=${RADIUS_METRES}&page_size=${LIST_SIZE}`);
});

test('a request is one line: what, status, day, distance', () => {
  assert.equal(nearLine({ complaint_type: 'HEAT/HOT WATER', descriptor: 'ENTIRE BUILDING', status: 'Open', created: '2025-10-12T22:36:19Z', metres: 118.6 }),
    'HEAT/HOT WATER: ENTIRE BUILDING (Open, 2025-10-12, 119 m)');
});

test('a generalised request says its distance is approximate', () => {
  assert.equal(nearLine({ complaint_type: 'NOISE - RESIDENTIAL', descriptor: 'Loud Music/Party', status: 'Closed', created: '2025-10-12T22:36:19Z', metres: 61.2, location_generalised: true }),
    'NOISE - RESIDENTIAL: Loud Music/Party (Closed, 2025-10-12, about 61 m)');
});

test('the place survives the URL', () => {
  const s = parseState('?near=40.74800,-73.98570&dates=all');
  assert.deepEqual(s.near, { lat: 40.748, lon: -73.9857 });
  assert.match(stateToSearch(s), /near=40.74800%2C-73.98570/);
  assert.equal(parseState('?near=north').near, null);
});
