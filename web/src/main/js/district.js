// A community district's page (/district/307), for its community board: how many requests and of
// what, the trend, how long they take to close, and the same against its borough and the city.
// Its query string holds the filter (dates, and any other filter of the map).
import { getJson, statsUrl } from './api.js';
import { timeSeries } from './chart.js';
import { presetOf, presets } from './dates.js';
import { compareRows, spanDays } from './compare.js';
import { describe, filterParams, parseState, stateToSearch } from './state.js';
import { tr } from './tables.js';

/** Days to close are read from the requests themselves: borough and city ones only for short ranges. */
export const COMPARE_DURATIONS_DAYS = 92;

const number = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const $ = (id) => document.getElementById(id);
const page = document.documentElement;

async function start() {
  const boroCd = Number(location.pathname.split('/').filter(Boolean).pop());
  const [meta, districts] = await Promise.all([getJson('/api/meta'), getJson('/api/places/districts')]);
  const d = districts.find((x) => x.boro_cd === boroCd);
  if (!d) {
    $('status').textContent = `There is no community district ${location.pathname.split('/').pop()}.`;
    page.dataset.panels = 'failed';
    return;
  }
  document.title = `${d.name}: NYC 311 service requests`;
  $('district-name').textContent = `${d.borough} Community District ${boroCd % 100}${d.joint_interest ? ' (a park or an airport)' : ''}`;
  $('col-district').textContent = d.name;
  $('col-borough').textContent = d.borough;
  $('as-of').textContent = meta.newest_day ? `Data as of ${meta.newest_day}.` : 'No requests are loaded yet.';
  const population = (pred) => districts.filter(pred).reduce((a, x) => a + (x.population || 0), 0);
  const boroughPopulation = population((x) => Math.floor(x.boro_cd / 100) === Math.floor(boroCd / 100));
  const cityPopulation = population(() => true);

  const list = presets(meta.newest_day);
  const state = parseState(location.search);
  if (!state.allDates && !state.filters.from && !state.filters.to && list.length > 1) {
    state.filters.from = list[1].from;
    state.filters.to = list[1].to;
  }
  const chart = timeSeries($('chart'));
  const box = $('f-presets');
  box.replaceChildren(
    ...[{ id: 'all', label: 'All dates' }, ...list].map((p) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'range';
      input.value = p.id;
      input.addEventListener('change', () => {
        state.filters.from = p.from || null;
        state.filters.to = p.to || null;
        history.pushState(null, '', `?${stateToSearch({ ...state, view: null, layer: 'auto', period: 'day' })}`);
        load();
      });
      label.append(input, ` ${p.label}`);
      return label;
    }),
  );
  window.addEventListener('popstate', () => {
    Object.assign(state, parseState(location.search));
    load();
  });

  async function load() {
    page.dataset.panels = 'loading';
    const f = state.filters;
    const radio = box.querySelector(`input[value="${presetOf(f, list)}"]`);
    box.querySelectorAll('input').forEach((i) => (i.checked = i === radio));
    const here = { ...f, districts: [boroCd] };
    const everywhere = { ...f, districts: [] };
    $('title').textContent = describe(here, () => d.name);
    $('on-map').href = `/?${filterParams(here)}${f.from || f.to ? '' : '&dates=all'}`;
    const span = f.from && f.to ? spanDays(f.from, f.to) : Infinity;
    const compareDurations = span <= COMPARE_DURATIONS_DAYS;
    const period = span <= 45 ? 'day' : 'week';
    const durations = { durations: 'true' };
    try {
      const [total, byType, byPeriod, cityByType, byBorough, city] = await Promise.all([
        getJson(statsUrl(here, [], durations)),
        getJson(statsUrl(here, ['type'], durations)),
        getJson(statsUrl(here, [period])),
        getJson(statsUrl(everywhere, ['type'])),
        getJson(statsUrl(everywhere, ['borough'], compareDurations ? durations : {})),
        getJson(statsUrl(everywhere, [], compareDurations ? durations : {})),
      ]);
      const boroughRow = byBorough.rows.find((r) => r.borough === Math.floor(boroCd / 100)) || { count: 0, unplaced: 0 };
      const rows = compareRows(
        { ...total.rows[0], count: total.count, unplaced: total.unplaced, population: d.population },
        { ...boroughRow, population: boroughPopulation },
        { ...city.rows[0], count: city.count, unplaced: city.unplaced, population: cityPopulation },
      );
      $('compare').querySelector('tbody').replaceChildren(...rows.map(tr));
      $('compare-note').textContent = compareDurations
        ? 'Days to close count closed requests only, and leave out those closed before they were opened or in the same second.'
        : `Days to close in the borough and the city are compared for ${COMPARE_DURATIONS_DAYS} days or fewer.`;
      chart.update(byPeriod.rows, period);
      $('period-label').textContent = period;
      const cityShare = new Map(cityByType.rows.map((r) => [r.type, r.count / Math.max(1, cityByType.count)]));
      $('types').querySelector('tbody').replaceChildren(
        ...[...byType.rows]
          .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type))
          .map((r) =>
            tr([
              r.type,
              number.format(r.count),
              percent.format(r.count / Math.max(1, byType.count)),
              percent.format(cityShare.get(r.type) || 0),
              r.median_days === null || r.median_days === undefined ? '—' : decimal.format(r.median_days),
            ]),
          ),
      );
      $('status').textContent = '';
      page.dataset.panels = 'loaded';
    } catch (e) {
      $('status').textContent = `The statistics could not be loaded: ${e.message}`;
      page.dataset.panels = 'failed';
    }
  }
  await load();
}

start().catch((e) => {
  $('status').textContent = `The page could not start: ${e.message}`;
  page.dataset.panels = 'failed';
});
