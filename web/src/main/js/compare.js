// The numbers of a district's page, as plain functions of the API's answers.
const number = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The rows of the comparison: [label, district, borough, city] of area totals. */
export function compareRows(district, borough, city) {
  const rate = (a) => (a.population ? decimal.format((1000 * a.count) / a.population) : '—');
  const days = (a, key) => (a[key] === undefined || a[key] === null ? '—' : decimal.format(a[key]));
  const areas = [district, borough, city];
  return [
    ['Requests', ...areas.map((a) => number.format(a.count))],
    ['Per 1,000 residents', ...areas.map(rate)],
    ['Without a location', ...areas.map((a) => number.format(a.unplaced))],
    ['Median days to close', ...areas.map((a) => days(a, 'median_days'))],
    ['90th percentile of days to close', ...areas.map((a) => days(a, 'p90_days'))],
  ];
}

/** Days from one ISO day to another, both counted. */
export function spanDays(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000) + 1;
}
