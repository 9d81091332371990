// The experiment page: the server drew the first view; this module follows the experiment's
// change stream and fetches only what changed after its cursors (trial changes, new metrics).

import { api } from './api.js';
import { badge, bar, fill, h, initialData, localTimes } from './dom.js';
import { formatDuration, formatNumber, formatStatus, formatTime, isActive, parseNniDuration, progress } from './format.js';
import { follow } from './live.js';
import { applyMetrics, mergeTrials } from './table-model.js';
import { drawComparison, trialsTable } from './trials-table.js';
import { charts as chartsTab } from './charts.js';
import { gpus as gpusTab } from './gpus.js';

const initial = initialData();
let experiment = initial.experiment;
const base = `/api/v1/experiments/${encodeURIComponent(experiment.id)}`;
const cursors = { ...initial.cursors };
const skew = initial.now - Date.now();
const clock = () => Date.now() + skew;
const METRICS_LIMIT = 10000;

const trialPage = (trialId) => `/experiments/${encodeURIComponent(experiment.id)}/trials/${encodeURIComponent(trialId)}`;
const charts = chartsTab({ experiment, openTrial: (trialId) => location.assign(trialPage(trialId)) });
const gpus = document.getElementById('panel-gpus') ? gpusTab() : null;
const table = trialsTable({
  experimentId: experiment.id,
  parameters: initial.parameters,
  page: initial.page,
  clock,
  actions: {
    onClone: (trial) => openTrialDialog(trial.parameters),
    onCompare: (trials) => {
      drawComparison(trials, initial.parameters);
      charts.choose(trials.map((trial) => trial.trialId));
    },
  },
});

let shownConfig = null;
let experimentReadAt = Date.now();

/** Running time: what the server counted when last read, plus the time since while it runs. */
function drawRunningTime() {
  const running = isActive(experiment.status);
  const seconds = experiment.durationSeconds + (running ? (Date.now() - experimentReadAt) / 1000 : 0);
  const time = progress(seconds, parseNniDuration(experiment.config.maxExperimentDuration ?? null), formatDuration);
  fill(document.getElementById('time-progress'), h('span', {}, time.text), bar(time.fraction));
}

/** The header, summary and buttons for the experiment now. */
function drawExperiment() {
  experimentReadAt = Date.now();
  document.getElementById('status').replaceChildren(badge(experiment.status));
  const message = document.getElementById('message');
  message.hidden = !experiment.message;
  message.textContent = experiment.message ?? '';
  const best = experiment.bestTrial;
  document.getElementById('best').replaceChildren(
    ...(best ? [formatNumber(best.value), ' (', h('a', { href: trialPage(best.trialId) }, `trial ${best.sequenceId}`), ')'] : ['–']),
  );
  const trials = progress(experiment.submittedTrials, experiment.config.maxTrialNumber ?? null);
  fill(document.getElementById('trial-progress'), h('span', {}, trials.text), bar(trials.fraction));
  drawRunningTime();
  const counts = Object.entries(experiment.trialCounts ?? {});
  document.getElementById('counts').replaceChildren(
    ...(counts.length ? counts.flatMap(([status, count]) => [h('span', {}, `${formatStatus(status)} ${count}`), ' ']) : ['no trials yet']),
  );
  const ended = experiment.endedAt !== null && experiment.endedAt !== undefined;
  document.getElementById('stop').disabled = ended || experiment.status === 'STOPPING';
  document.getElementById('resume').disabled = !ended;
  document.getElementById('add-trial').disabled = ended;
  const config = JSON.stringify(experiment.config, null, 2);
  if (config !== shownConfig) {
    shownConfig = config;
    document.getElementById('config').textContent = config;
    document.getElementById('search-space').textContent = JSON.stringify(experiment.config.searchSpace, null, 2);
  }
}

/** Everything that changed after the page's cursors; runs after each change event and reconnect. */
async function catchUp() {
  let changed = [];
  let more = true;
  while (more) {
    const changes = await api(`${base}/trials/changes?after=${cursors.events}`);
    cursors.events = changes.next;
    experiment = changes.experiment;
    changed = changed.concat(changes.trials);
    more = changes.more;
  }
  let metrics = [];
  for (;;) {
    const page = await api(`${base}/metrics?after=${cursors.metrics}&limit=${METRICS_LIMIT}`);
    cursors.metrics = page.next;
    metrics = metrics.concat(page.items);
    if (page.items.length < METRICS_LIMIT) break;
  }
  let model = table.model;
  if (changed.length) model = mergeTrials(model, changed, experiment);
  if (metrics.length) model = applyMetrics(model, metrics);
  table.update(model, experiment);
  drawExperiment();
  charts.update(changed, metrics);
}

// Stop, resume and the inline edits.
const actionError = document.getElementById('action-error');
async function act(button, path) {
  button.disabled = true;
  actionError.textContent = '';
  try {
    experiment = await api(`${base}/${path}`, { method: 'POST' });
    drawExperiment();
  } catch (error) {
    actionError.textContent = error.message;
    drawExperiment();
  }
}
document.getElementById('stop').addEventListener('click', (event) => act(event.target, 'stop'));
document.getElementById('resume').addEventListener('click', (event) => act(event.target, 'resume'));

document.getElementById('edits').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const error = document.getElementById('edit-error');
  const integer = (name) => (form.elements[name].value.trim() === '' ? null : Number(form.elements[name].value));
  const duration = form.elements.maxExperimentDuration.value.trim();
  const patch = {
    trialConcurrency: integer('trialConcurrency'),
    maxTrialNumber: integer('maxTrialNumber'),
    maxExperimentDuration: duration === '' ? null : /^\d+$/.test(duration) ? Number(duration) : duration,
  };
  error.textContent = '';
  try {
    experiment = await api(base, { method: 'PATCH', body: patch });
    drawExperiment();
    error.textContent = 'Applied.';
    setTimeout(() => {
      if (error.textContent === 'Applied.') error.textContent = '';
    }, 3000);
  } catch (failure) {
    error.textContent = failure.message;
  }
});

// Tabs: arrow keys move between them, as WAI-ARIA's tabs pattern has it.
const tabs = [...document.querySelectorAll('[role=tab]')];
function select(tab) {
  for (const one of tabs) {
    const chosen = one === tab;
    one.setAttribute('aria-selected', String(chosen));
    one.tabIndex = chosen ? 0 : -1;
    document.getElementById(one.getAttribute('aria-controls')).hidden = !chosen;
  }
  if (tab.id === 'tab-charts') charts.show().catch((error) => showLoadError(error));
  else charts.hide();
  if (gpus) tab.id === 'tab-gpus' ? gpus.show() : gpus.hide();
  history.replaceState(null, '', `${location.search}${tab.id === 'tab-trials' ? '' : `#${tab.id.slice(4)}`}`);
}
function showLoadError(error) {
  actionError.textContent = `Charts could not be loaded: ${error.message}`;
}
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    next.focus();
    select(next);
  });
}
const wanted = tabs.find((tab) => `#${tab.id.slice(4)}` === location.hash);
if (wanted) select(wanted);

// A customised trial: every parameter of the search space, filled from a cloned trial.
const dialog = document.getElementById('trial-dialog');
function openTrialDialog(parameters = {}) {
  document.getElementById('trial-error').textContent = '';
  document.getElementById('trial-params').replaceChildren(
    ...initial.parameters.map((name) =>
      h('label', { class: 'param' }, h('span', { class: 'param-name' }, name),
        h('input', { name, value: parameters[name] === undefined ? '' : JSON.stringify(parameters[name]), required: true }))),
  );
  dialog.showModal();
}
document.getElementById('add-trial').addEventListener('click', () => openTrialDialog());
document.getElementById('trial-cancel').addEventListener('click', () => dialog.close());
document.getElementById('trial-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const parameters = {};
  for (const input of document.querySelectorAll('#trial-params input')) {
    try {
      parameters[input.name] = JSON.parse(input.value);
    } catch {
      parameters[input.name] = input.value; // bare text is a choice's string value
    }
  }
  try {
    await api(`${base}/trials`, { method: 'POST', body: { parameters } });
    dialog.close();
  } catch (error) {
    document.getElementById('trial-error').textContent = error.message;
  }
});

localTimes(document, formatTime);
drawExperiment();
setInterval(drawRunningTime, 1000);
follow(experiment.id, catchUp);
document.documentElement.dataset.ready = 'true';
