// Date ranges of the filter panel, as New York calendar days ('YYYY-MM-DD', what the API takes).
// Ranges are counted back from the newest day of the data rather than from today: on a server that
// loads daily they are the same, and on one holding older data "the last 30 days" still shows some.

/** The day n days after (before, when negative) an ISO day. */
export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The heat season holding a day, or the last one before it: October 1 to May 31, the months New
 * York's housing code requires heat. Its end is cut at the day itself (a season still running).
 */
export function heatSeason(day) {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const start = month >= 10 ? year : year - 1;
  const from = `${start}-10-01`;
  const end = `${start + 1}-05-31`;
  return { from, to: day < end ? day : end };
}

/** The preset ranges ending at the data's newest day, in the order the panel shows them. */
export function presets(newestDay) {
  if (!newestDay) return [];
  const last = (n) => ({ from: addDays(newestDay, 1 - n), to: newestDay });
  return [
    { id: '7d', label: 'Last 7 days', ...last(7) },
    { id: '30d', label: 'Last 30 days', ...last(30) },
    { id: '90d', label: 'Last 90 days', ...last(90) },
    { id: 'heat', label: 'Heat season', ...heatSeason(newestDay) },
  ];
}

/** The id of the preset a filter's range is, else 'custom' (or 'all' without dates). */
export function presetOf(filters, list) {
  if (!filters.from && !filters.to) return 'all';
  const found = list.find((p) => p.from === filters.from && p.to === filters.to);
  return found ? found.id : 'custom';
}
