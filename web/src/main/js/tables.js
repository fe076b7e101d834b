// The tables beside the map: the top complaint types and every district's counts. They hold the
// numbers the map shows, for people who cannot see it and for copying.
const number = new Intl.NumberFormat('en-US');
const rate = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The top n types of rows of /api/stats grouped by type, most first. */
export function topTypes(rows, n) {
  return [...rows].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)).slice(0, n);
}

export function fillTopTypes(tbody, rows, total) {
  tbody.replaceChildren(
    ...topTypes(rows, 10).map((r) =>
      tr([r.type, number.format(r.count), total > 0 ? `${rate.format((100 * r.count) / total)}%` : '']),
    ),
  );
}

/** Districts with their counts (rows of /api/stats grouped by district) and rate per 1,000 residents. */
export function districtRows(rows, districts) {
  const counts = new Map(rows.map((r) => [r.district, r]));
  return districts.map((d) => {
    const r = counts.get(d.boro_cd);
    const count = r ? r.count : 0;
    return {
      boro_cd: d.boro_cd,
      name: d.name,
      count,
      unplaced: r ? r.unplaced : 0,
      rate: d.population ? (1000 * count) / d.population : null,
    };
  });
}

/** The districts' rows, each name a link to the district's page with the query given. */
export function fillDistricts(tbody, rows, query) {
  tbody.replaceChildren(
    ...rows.map((r) => {
      const row = tr(['', number.format(r.count), r.rate === null ? '—' : rate.format(r.rate), number.format(r.unplaced)]);
      const link = document.createElement('a');
      link.href = `/district/${r.boro_cd}${query}`;
      link.textContent = r.name;
      row.firstChild.append(link);
      return row;
    }),
  );
}

/** A table row: the first cell a row header, the rest data. */
export function tr(cells) {
  const row = document.createElement('tr');
  cells.forEach((c, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.scope = 'row';
    cell.textContent = c;
    row.append(cell);
  });
  return row;
}
