// Emergency planners: warming-center siting for the requests under the page's filters (residents'
// heat complaints when no category or type is chosen), answered by /api/siting and drawn on the
// map: the chosen sites with their coverage radius, and the demand cells left uncovered.
import { getJson } from './api.js';
import { filterParams } from './state.js';

/** The API's URL of a maximal-covering answer for the panel's choices under a filter. */
export function sitingUrl(choice, filters) {
  const q = filterParams(filters);
  q.set('model', 'mclp');
  q.set('k', String(choice.k));
  q.set('radius', String(choice.radius));
  q.set('weight', choice.weight);
  q.set('sites', choice.libraries ? 'cooling_center,library' : 'cooling_center');
  if (choice.wheelchair) q.set('wheelchair', 'true');
  if (choice.weekend) q.set('weekend', 'true');
  return `/api/siting?${q}`;
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** One sentence: how much the sites cover, how sure the answer is, what could not be placed. */
export function sitingSummary(a) {
  const d = a.demand;
  const unit = a.weight === 'buildings' ? 'buildings' : 'complaints';
  const share = d.weight > 0 ? Math.round((100 * d.covered_weight) / d.weight) : 0;
  const proof =
    a.status === 'OPTIMAL'
      ? 'no choice of as many sites covers more'
      : `at most ${(100 * a.gap).toFixed(2)}% short of the best possible`;
  const unplaced = a.unplaced > 0 ? ` ${number.format(a.unplaced)} requests without a location are not counted.` : '';
  return `${a.sites.length} sites cover ${number.format(d.covered_weight)} of ${number.format(d.weight)} ${unit} (${share}%) within ${number.format(d.radius)} m; ${proof}.${unplaced}`;
}

/** The coverage by borough as table rows: borough, covered, of all, share. */
export function boroughRows(a) {
  return a.by_borough.map((b) => [
    b.borough,
    number.format(b.covered_weight ?? 0),
    number.format(b.weight),
    `${b.weight > 0 ? Math.round((100 * (b.covered_weight ?? 0)) / b.weight) : 0}%`,
  ]);
}

/** The coverage-versus-k curve in words: what 1, 2, ... sites would cover. */
export function curveLine(a) {
  if (!a.curve || a.curve.length === 0) return '';
  return `Covered with 1 to ${a.curve.length} sites (greedy): ${a.curve.map((p) => number.format(p.covered)).join(', ')}.`;
}

/** A chosen site in the list: its name and what it adds after the sites above it. */
export function siteLine(s) {
  return `${s.name ?? s.id}: +${number.format(s.gain ?? 0)}`;
}

/** The panel's form, list and map layer. */
export function sitingPanel(L, map, say, filters) {
  const layer = L.layerGroup().addTo(map);
  const $ = (id) => document.getElementById(id);
  let asked = 0;

  async function run() {
    const mine = ++asked;
    const choice = {
      k: Number($('siting-k').value),
      radius: Number($('siting-radius').value),
      weight: $('siting-weight').value,
      libraries: $('siting-libraries').checked,
      wheelchair: $('siting-wheelchair').checked,
      weekend: $('siting-weekend').checked,
    };
    $('siting-summary').textContent = 'Solving...';
    document.documentElement.dataset.siting = 'loading';
    const answer = await getJson(sitingUrl(choice, filters()));
    if (mine !== asked) return null;
    layer.clearLayers();
    for (const a of answer.assignments) {
      if (a.covered) continue;
      L.circleMarker([a.lat, a.lon], { radius: 3, color: '#b2182b', weight: 1, fillOpacity: 0.7, interactive: false }).addTo(layer);
    }
    const list = $('siting-list');
    list.replaceChildren(
      ...answer.sites.map((s) => {
        L.circle([s.lat, s.lon], { radius: answer.demand.radius, color: '#2166ac', weight: 2, fillOpacity: 0.08, interactive: false }).addTo(layer);
        const marker = L.circleMarker([s.lat, s.lon], { radius: 6, color: '#fff', weight: 2, fillColor: '#2166ac', fillOpacity: 1 })
          .bindPopup(`${s.rank}. ${s.name ?? s.id}`)
          .addTo(layer);
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = siteLine(s);
        button.addEventListener('click', () => {
          map.setView([s.lat, s.lon], Math.max(map.getZoom(), 14));
          marker.openPopup();
        });
        item.append(button);
        return item;
      }),
    );
    $('siting-summary').textContent = sitingSummary(answer);
    $('siting-curve').textContent = curveLine(answer);
    const body = $('siting-boroughs').querySelector('tbody');
    body.replaceChildren(
      ...boroughRows(answer).map((cells) => {
        const row = document.createElement('tr');
        cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.scope = 'row';
          cell.textContent = text;
          row.append(cell);
        });
        return row;
      }),
    );
    $('siting-boroughs').hidden = false;
    document.documentElement.dataset.siting = 'loaded';
    return answer;
  }

  $('siting-form').addEventListener('submit', (e) => {
    e.preventDefault();
    run().catch((err) => {
      $('siting-summary').textContent = '';
      document.documentElement.dataset.siting = 'failed';
      say(`The siting could not be computed: ${err.message}`);
    });
  });
  $('siting-clear').addEventListener('click', () => {
    asked++;
    layer.clearLayers();
    $('siting-list').replaceChildren();
    $('siting-summary').textContent = '';
    $('siting-curve').textContent = '';
    $('siting-boroughs').hidden = true;
  });
}
