// Small DOM helpers: every text goes in as a text node, never as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      el.className = v;
    } else if (k === 'value') {
      el.value = v;
    } else if (k === 'checked') {
      el.checked = Boolean(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(el, c);
    } else {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

/** Replaces the page content and moves focus to its heading. */
export function render(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat().filter(Boolean));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
  }
}

export function time(iso) {
  if (!iso) {
    return '–';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

export function score(n) {
  return typeof n === 'number' ? n.toFixed(2) : '–';
}

const BAND_LABELS = {
  ignore: 'ignore', watch: 'watch', review: 'review', urgent_human_review: 'urgent',
};

export function band(b) {
  return h('span', { class: 'band band-' + b, title: 'decision band ' + b }, BAND_LABELS[b] || b);
}

/** Weights of the score parts (docs/api.md, "score_breakdown"); memory counts on top of the others. */
export const WEIGHTS = {
  recurrence: 0.20, recovery: 0.20, spread: 0.05, severity: 0.25, burst: 0.15, novelty: 0.05,
  periodicity: 0.10, memory: 0.15,
};

/** A stacked bar: each part's weighted contribution, labelled for screen readers. */
export function breakdownBar(breakdown) {
  const parts = Object.keys(WEIGHTS).filter((k) => breakdown && breakdown[k] > 0)
    .map((k) => ({ k, v: breakdown[k], w: breakdown[k] * WEIGHTS[k] }));
  const label = parts.map((p) => `${p.k} ${p.v.toFixed(2)}`).join(', ')
    + (breakdown && breakdown.routine ? ', routine' : '');
  return h('div', { class: 'breakdown', role: 'img', 'aria-label': 'score breakdown: ' + (label || 'none'), title: label },
    parts.map((p) => h('span', { class: 'part part-' + p.k, style: `width:${(p.w * 100 / 1.15).toFixed(1)}%` })));
}

export function errorBox(e) {
  return h('div', { class: 'error', role: 'alert' }, e.code ? `${e.message} (${e.code})` : String(e.message || e));
}

export function table(caption, columns, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
}

export function field(label, input) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2, 9));
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** Counts timestamps into equal buckets; returns [[bucket starts in seconds], [counts]]. */
export function buckets(isoTimes, bucketSeconds) {
  const secs = isoTimes.map((t) => Date.parse(t) / 1000).filter((s) => !Number.isNaN(s));
  if (!secs.length) {
    return [[], []];
  }
  const end = Math.ceil(Math.max(...secs) / bucketSeconds) * bucketSeconds;
  const start = Math.floor(Math.min(...secs) / bucketSeconds) * bucketSeconds;
  const n = Math.max(1, Math.round((end - start) / bucketSeconds));
  const xs = Array.from({ length: n }, (_, i) => start + i * bucketSeconds);
  const ys = new Array(n).fill(0);
  for (const s of secs) {
    ys[Math.min(n - 1, Math.floor((s - start) / bucketSeconds))] += 1;
  }
  return [xs, ys];
}

/** A small uPlot chart of counts over time (uPlot comes from its WebJar, loaded by index.html). */
export function sparkline(label, data, { width = 320, height = 60 } = {}) {
  const box = h('figure', { class: 'spark' }, h('figcaption', {}, label));
  if (!data[0].length || !globalThis.uPlot) {
    box.append(h('p', { class: 'muted' }, 'no data'));
    return box;
  }
  const chart = h('div', { role: 'img', 'aria-label': `${label}: ${data[1].reduce((a, b) => a + b, 0)} in total, `
    + `at most ${Math.max(...data[1])} per interval` });
  box.append(chart);
  const room = document.getElementById('main').clientWidth - 40;
  const opts = {
    width: Math.max(120, Math.min(width, room)), height, legend: { show: false }, cursor: { show: false }, select: { show: false },
    axes: [{ show: false }, { show: false }], scales: { x: { time: true } },
    series: [{}, { stroke: '#1f5fbf', fill: 'rgba(31,95,191,0.15)', width: 1.5, points: { show: false } }],
  };
  // eslint-disable-next-line new-cap
  new globalThis.uPlot(opts, data, chart);
  return box;
}

/** The hash route's query parameters. */
export function routeParams() {
  const hash = location.hash || '#/today';
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

export function setRouteParams(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v) {
      q.set(k, v);
    }
  }
  const s = q.toString();
  const target = '#' + path + (s ? '?' + s : '');
  if (location.hash !== target) {
    history.replaceState(null, '', target);
  }
}

export const PAGE = 25;
export const MAX_LIMIT = 1000;

export function moreButton(label, onClick) {
  return h('button', { type: 'button', class: 'more', onclick: onClick }, label);
}

/** Replaces an element's children; arrays are flattened and null/false left out. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A list the API pages by a growing limit (the endpoints without a cursor): {@code show(limit, reload)} fetches and
 * returns {nodes, count}, or null when the page was left meanwhile. Adds "Show more" while a full page came back,
 * shows API errors in place, and reloads from the first page when the form is submitted.
 */
export async function limitPaged(form, results, show) {
  let limit = PAGE;
  const load = async () => {
    try {
      const out = await show(limit, load);
      if (!out) return;
      fill(results, out.nodes, out.count === limit && limit < MAX_LIMIT
        ? moreButton('Show more', () => { limit = Math.min(MAX_LIMIT, limit + PAGE); load(); }) : null);
    } catch (e) {
      fill(results, errorBox(e));
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); limit = PAGE; load(); });
  await load();
}
