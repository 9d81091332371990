// The trials tab: the table the server drew, kept current from the model (table-model.js), with
// sorting, filters and paging done on the server, selection for comparing, cancel and clone.

import { api } from './api.js';
import { badge, h } from './dom.js';
import { formatDuration, formatNumber, formatStatus, formatTime, formatValue, isLive } from './format.js';
import { apiQuery, nextSort, parseQuery, toSearchParams, withChange } from './query.js';
import { createModel, pageCount, shownMetric, trialSeconds } from './table-model.js';

/**
 * The trials table of one experiment.
 *
 * @param experimentId the experiment
 * @param parameters the search space's parameter names, one column each
 * @param page the page the server drew; its query is read from the address
 * @param clock () => the server's time now in epoch ms
 * @param actions {onClone(trial), onCompare(trials)}
 */
export function trialsTable({ experimentId, parameters, page, clock, actions }) {
  const base = `/api/v1/experiments/${encodeURIComponent(experimentId)}`;
  const table = document.getElementById('trials');
  const body = table.tBodies[0];
  const selected = new Map();
  let model = createModel(page, parseQuery(new URLSearchParams(location.search)));
  let experiment = null;

  function row(trial) {
    const metric = shownMetric(trial);
    return h(
      'tr',
      { dataset: { trial: trial.trialId }, class: selected.has(trial.trialId) ? 'selected' : null },
      h('td', {}, h('input', { type: 'checkbox', class: 'select', 'aria-label': `Select trial ${trial.sequenceId}`, checked: selected.has(trial.trialId) })),
      h('td', { class: 'num' }, trial.sequenceId),
      h('td', { class: 'mono' }, h('a', { href: `/experiments/${encodeURIComponent(experimentId)}/trials/${encodeURIComponent(trial.trialId)}` }, trial.trialId)),
      h('td', {}, badge(trial.status)),
      parameters.map((name) => h('td', { class: 'num' }, formatValue(trial.parameters?.[name]))),
      h('td', { class: metric.latest ? 'num latest' : 'num', dataset: { col: 'metric' } }, formatNumber(metric.value)),
      h('td', { class: 'num', dataset: { col: 'duration' } }, formatDuration(trialSeconds(trial, clock()))),
      h('td', {}, h('time', { datetime: trial.startedAt }, formatTime(trial.startedAt))),
      h(
        'td',
        { class: 'row-actions' },
        h('button', { type: 'button', class: 'clone', 'aria-label': `Clone trial ${trial.sequenceId}` }, 'Clone'),
        isLive(trial.status) ? h('button', { type: 'button', class: 'cancel danger', 'aria-label': `Cancel trial ${trial.sequenceId}` }, 'Cancel') : null,
      ),
    );
  }

  function draw() {
    body.replaceChildren(...model.rows.map(row));
    document.getElementById('no-trials').hidden = model.rows.length > 0;
    document.getElementById('shifted').hidden = !model.shifted;
    const pages = pageCount(model.total, model.size);
    document.getElementById('page-info').textContent = `Page ${model.page + 1} of ${pages} · ${model.total} trials`;
    document.getElementById('prev-page').disabled = model.page === 0;
    document.getElementById('next-page').disabled = model.page + 1 >= pages;
    markSort();
  }

  /** Marks the sorted column with aria-sort, which also draws its arrow. */
  function markSort() {
    for (const th of table.tHead.querySelectorAll('th[data-sort]')) {
      const key = th.dataset.sort;
      const sort = model.query.sort;
      th.setAttribute('aria-sort', sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none');
    }
  }

  /** Reads the page for a new query from the server and puts the query in the address. */
  async function load(query) {
    const page = await api(`${base}/trials?${apiQuery(query)}`);
    model = createModel(page, query, experiment?.submittedTrials ?? 0);
    const search = toSearchParams(query).toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
    draw();
  }

  /** Running trials' durations grow with the clock, not with server round trips. */
  function tick() {
    for (const trial of model.rows) {
      if (trial.status !== 'RUNNING') continue;
      const cell = body.querySelector(`tr[data-trial="${CSS.escape(trial.trialId)}"] [data-col=duration]`);
      if (cell) cell.textContent = formatDuration(trialSeconds(trial, clock()));
    }
  }

  function filtersFromForm() {
    const form = document.getElementById('filters');
    const value = (name) => form.elements[name].value.trim();
    return withChange(model.query, {
      status: value('status') ? [value('status')] : [],
      sequence: value('sequence'),
      metric: value('metric'),
      param: value('param') ? [value('param')] : [],
    });
  }

  const failed = (error) => {
    document.getElementById('action-error').textContent = error.message;
  };

  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load(filtersFromForm()).catch(failed);
  });
  document.getElementById('clear-filters').addEventListener('click', () => {
    document.getElementById('filters').reset();
    for (const input of document.querySelectorAll('#filters input')) input.value = '';
    document.getElementById('filter-status').value = '';
    load(withChange(model.query, { status: [], sequence: '', metric: '', param: [] })).catch(failed);
  });
  table.tHead.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-sort]');
    if (th) load(withChange(model.query, { sort: nextSort(model.query.sort, th.dataset.sort) })).catch(failed);
  });
  document.getElementById('prev-page').addEventListener('click', () => load(withChange(model.query, { page: model.page - 1 })).catch(failed));
  document.getElementById('next-page').addEventListener('click', () => load(withChange(model.query, { page: model.page + 1 })).catch(failed));
  document.getElementById('to-first').addEventListener('click', (event) => {
    event.preventDefault();
    load(withChange(model.query, { page: 0 })).catch(failed);
  });
  document.getElementById('page-size').addEventListener('change', (event) =>
    load(withChange(model.query, { size: Number(event.target.value) })).catch(failed));

  body.addEventListener('click', (event) => {
    const tr = event.target.closest('tr[data-trial]');
    if (!tr) return;
    const trial = model.rows.find((one) => one.trialId === tr.dataset.trial);
    if (!trial) return;
    if (event.target.matches('input.select')) {
      if (event.target.checked) selected.set(trial.trialId, trial);
      else selected.delete(trial.trialId);
      tr.classList.toggle('selected', event.target.checked);
      document.getElementById('compare').disabled = selected.size < 2;
    } else if (event.target.matches('button.cancel')) {
      event.target.disabled = true;
      api(`${base}/trials/${encodeURIComponent(trial.trialId)}/cancel`, { method: 'POST' }).catch(failed);
    } else if (event.target.matches('button.clone')) {
      actions.onClone(trial);
    }
  });
  document.getElementById('compare').addEventListener('click', () => actions.onCompare([...selected.values()]));

  markSort(); // the server's first view leaves it out
  setInterval(tick, 1000);

  return {
    /** The model now (for tests and the charts). */
    get model() {
      return model;
    },
    /** Draws a new model (after changes and metrics were merged into it). */
    update(next, experimentNow) {
      experiment = experimentNow ?? experiment;
      for (const trial of next.rows) if (selected.has(trial.trialId)) selected.set(trial.trialId, trial);
      if (next === model) return;
      model = next;
      draw();
    },
    selected: () => [...selected.values()],
  };
}

/** The comparison of selected trials: a column per trial, a row per parameter and the metric. */
export function drawComparison(trials, parameters) {
  const section = document.getElementById('comparison');
  const head = h('tr', {}, h('th', { scope: 'row' }, 'Trial No.'), trials.map((t) => h('th', { class: 'num' }, t.sequenceId)));
  const rows = [
    ['Status', (t) => formatStatus(t.status)],
    ...parameters.map((name) => [name, (t) => formatValue(t.parameters?.[name])]),
    ['Metric', (t) => formatNumber(shownMetric(t).value)],
  ].map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), trials.map((t) => h('td', { class: 'num' }, value(t)))));
  document.getElementById('comparison-table').replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
  section.hidden = false;
}
