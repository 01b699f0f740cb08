// Failures: envelopes that did not become events, with their reasons; select some and replay them.
import { get, post } from '../api.js';
import { errorBox, fill, field, h, limitPaged, render, routeParams, select, setRouteParams, table, time } from '../ui.js';

const STATUSES = [['', 'parse_failed and unsupported'], ['parse_failed', 'parse_failed'],
  ['unsupported', 'unsupported'], ['received', 'received']];

export async function show(_id, current) {
  const p = routeParams();
  const form = h('form', { class: 'filters', 'aria-label': 'Filter failures' },
    field('Status', select('status', STATUSES, p.get('status') || '')),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Show')));
  const outcome = h('div', { id: 'replay-result', 'aria-live': 'polite' });
  const results = h('div', { id: 'failure-results' });
  render(h('h1', {}, 'Failures'), form, outcome, results);
  await limitPaged(form, results, async (limit, reload) => {
    const status = new FormData(form).get('status');
    setRouteParams('/failures', { status });
    const r = await get('/failures', { limit, status });
    if (!current()) return null;
    const replay = h('button', { type: 'button', id: 'replay-selected' }, 'Replay selected');
    const list = table(`${r.items.length} envelopes, newest first`, ['select', 'id', 'received', 'status', 'source',
      'reason', 'message', 'attempts'],
    r.items.map((e) => h('tr', { 'data-envelope': e.raw_envelope_id },
      h('td', {}, h('input', { type: 'checkbox', class: 'pick', value: e.raw_envelope_id,
        id: 'pick-' + e.raw_envelope_id, 'aria-label': 'select envelope ' + e.raw_envelope_id })),
      h('td', { class: 'num' }, e.raw_envelope_id), h('td', {}, time(e.received_at)), h('td', {}, e.status),
      h('td', {}, [e.source_type, e.source_id].filter(Boolean).join(' / ') || '–'),
      h('td', {}, e.failure_reason || '–'), h('td', { class: 'msg' }, h('code', {}, e.message_raw || '')),
      h('td', { class: 'num' }, e.attempts))));
    replay.addEventListener('click', async () => {
      const ids = [...results.querySelectorAll('input.pick:checked')].map((c) => Number(c.value));
      if (!ids.length) {
        fill(outcome, h('p', { class: 'error', role: 'alert' }, 'Select at least one envelope.'));
        return;
      }
      try {
        const res = await post('/replay/raw', { raw_envelope_ids: ids });
        fill(outcome, h('p', { class: 'ok' }, `Replayed ${res.attempted_raw_envelope_ids.length}: `
          + `${res.event_count - res.parse_failed - res.unsupported} became events, ${res.parse_failed} still `
          + `fail to parse, ${res.unsupported} unsupported, ${res.skipped.length} skipped.`));
        await reload();
      } catch (e) {
        fill(outcome, errorBox(e));
      }
    });
    return { count: r.items.length, nodes: r.items.length ? [replay, list] : h('p', { class: 'muted' }, 'No failures.') };
  });
}
