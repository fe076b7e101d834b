// The filter panel: plain form controls (keyboard and screen readers work as for any form), filled
// from the data's own vocabulary with counts, read back into a state.
import { presetOf } from './dates.js';
import { LAYERS } from './state.js';

const number = new Intl.NumberFormat('en-US');

/** Wires the panel: onChange(partial state) is called when the person changes something. */
export function filterPanel(form, onChange) {
  const $ = (id) => form.querySelector(`#${id}`);
  let presetList = [];

  form.addEventListener('submit', (e) => e.preventDefault());
  const changed = () => onChange(read());
  for (const id of ['f-category', 'f-type', 'f-status', 'f-district']) $(id).addEventListener('change', changed);
  for (const id of ['f-from', 'f-to']) {
    $(id).addEventListener('change', () => {
      form.querySelector('input[name="range"][value="custom"]').checked = true;
      changed();
    });
  }
  form.addEventListener('change', (e) => {
    if (e.target.name === 'range' && e.target.value !== 'custom') {
      const p = presetList.find((x) => x.id === e.target.value);
      $('f-from').value = p ? p.from : '';
      $('f-to').value = p ? p.to : '';
      changed();
    } else if (e.target.name === 'layer') {
      changed();
    }
  });
  $('f-reset').addEventListener('click', () => onChange(null));

  function read() {
    const range = form.querySelector('input[name="range"]:checked')?.value || 'all';
    return {
      filters: {
        category: $('f-category').value || null,
        types: selected($('f-type')),
        from: range === 'all' ? null : $('f-from').value || null,
        to: range === 'all' ? null : $('f-to').value || null,
        status: $('f-status').value || null,
        districts: selected($('f-district')).map(Number),
        agency: form.dataset.agency || null,
      },
      layer: form.querySelector('input[name="layer"]:checked')?.value || 'auto',
    };
  }

  return {
    /** The date presets of the data's newest day. */
    setPresets(list) {
      presetList = list;
      const box = $('f-presets');
      box.replaceChildren(
        radio('range', 'all', 'All dates'),
        ...list.map((p) => radio('range', p.id, p.label, `${p.from} to ${p.to}`)),
        radio('range', 'custom', 'Custom'),
      );
    },

    setDistricts(districts) {
      $('f-district').replaceChildren(...districts.map((d) => option(String(d.boro_cd), d.name)));
    },

    /**
     * The categories and complaint types with how many requests each holds under the other
     * filters (rows of /api/stats grouped by category and type).
     */
    setVocabulary(rows, state) {
      const byCategory = new Map();
      const byType = new Map();
      for (const r of rows) {
        byCategory.set(r.category, (byCategory.get(r.category) || 0) + r.count);
        byType.set(r.type, { category: r.category, count: (byType.get(r.type)?.count || 0) + r.count });
      }
      const categories = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const chosen = state.filters.category;
      if (chosen && !byCategory.has(chosen)) categories.push([chosen, 0]);
      $('f-category').replaceChildren(
        option('', 'All categories'),
        ...categories.map(([c, n]) => option(c, `${c} (${number.format(n)})`)),
      );
      const types = [...byType]
        .filter(([, v]) => !chosen || v.category === chosen)
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
      for (const t of state.filters.types) if (!byType.has(t)) types.push([t, { count: 0 }]);
      $('f-type').replaceChildren(...types.map(([t, v]) => option(t, `${t} (${number.format(v.count)})`)));
      write(state);
      return categories.map(([c]) => c);
    },

    /** Shows a state in the controls. */
    write,
  };

  function write(state) {
    const f = state.filters;
    $('f-category').value = f.category || '';
    select($('f-type'), f.types);
    select($('f-district'), f.districts.map(String));
    $('f-status').value = f.status || '';
    $('f-from').value = f.from || '';
    $('f-to').value = f.to || '';
    const range = presetOf(f, presetList);
    const r = form.querySelector(`input[name="range"][value="${range}"]`);
    if (r) r.checked = true;
    form.dataset.agency = f.agency || '';
    const layer = form.querySelector(`input[name="layer"][value="${LAYERS.includes(state.layer) ? state.layer : 'auto'}"]`);
    if (layer) layer.checked = true;
  }
}

function selected(select) {
  return [...select.selectedOptions].map((o) => o.value).sort();
}

function select(element, values) {
  for (const o of element.options) o.selected = values.includes(o.value);
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function radio(name, value, label, title) {
  const l = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = name;
  input.value = value;
  l.append(input, ` ${label}`);
  if (title) l.title = title;
  return l;
}
