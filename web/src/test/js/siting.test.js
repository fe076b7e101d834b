import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boroughRows, curveLine, siteLine, sitingSummary, sitingUrl } from '../../main/js/siting.js';

const noFilter = { category: null, types: [], from: '2025-01-01', to: null, status: null, districts: [], agency: null };

test('the siting query carries the filters and the panel\'s choices', () => {
  assert.equal(
    sitingUrl({ k: 4, radius: 1200, weight: 'buildings', libraries: true, wheelchair: true, weekend: true }, noFilter),
    '/api/siting?from=2025-01-01&model=mclp&k=4&radius=1200&weight=buildings&sites=cooling_center%2Clibrary&wheelchair=true&weekend=true',
  );
  assert.equal(
    sitingUrl({ k: 5, radius: 800, weight: 'complaints', libraries: false, wheelchair: false }, { ...noFilter, from: null, types: ['HEAT/HOT WATER'] }),
    '/api/siting?type=HEAT%2FHOT+WATER&model=mclp&k=5&radius=800&weight=complaints&sites=cooling_center',
  );
});

test('the summary says how much is covered, how sure the answer is and what was not placed', () => {
  const answer = { sites: [{}, {}], weight: 'complaints', status: 'OPTIMAL', gap: 0, unplaced: 4, demand: { weight: 3381, covered_weight: 667, radius: 1000 } };
  assert.equal(sitingSummary(answer), '2 sites cover 667 of 3,381 complaints (20%) within 1,000 m; no choice of as many sites covers more. 4 requests without a location are not counted.');
  assert.equal(
    sitingSummary({ ...answer, weight: 'buildings', status: 'TIME_LIMIT', gap: 0.01234, unplaced: 0 }),
    '2 sites cover 667 of 3,381 buildings (20%) within 1,000 m; at most 1.23% short of the best possible.',
  );
});

test('a site is its name and its marginal gain', () => {
  assert.equal(siteLine({ id: 'cooling_center:CC1', name: 'Hamilton Grange NSC', gain: 140 }), 'Hamilton Grange NSC: +140');
  assert.equal(siteLine({ id: 'cell:8a2a', name: null, gain: 12.4 }), 'cell:8a2a: +12');
});

test('the borough table and the curve say what each borough and each k gets', () => {
  const answer = {
    by_borough: [
      { borough: 'Bronx', units: 3, weight: 1041, covered_units: 1, covered_weight: 149 },
      { borough: 'Staten Island', units: 1, weight: 22, covered_units: 0, covered_weight: 0 },
    ],
    curve: [{ k: 1, covered: 140 }, { k: 2, covered: 279 }, { k: 3, covered: 1415 }],
  };
  assert.deepEqual(boroughRows(answer), [
    ['Bronx', '149', '1,041', '14%'],
    ['Staten Island', '0', '22', '0%'],
  ]);
  assert.equal(curveLine(answer), 'Covered with 1 to 3 sites (greedy): 140, 279, 1,415.');
  assert.equal(curveLine({ curve: null }), '');
});
