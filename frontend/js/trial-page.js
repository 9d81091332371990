// The trial page: parameters, status, the intermediate-results chart and the trial's output. The
// experiment's change stream says when to read the trial and its new metrics again; the output
// files are not events, so while the trial runs the open file is read from where it was left.

import { api } from './api.js';
import { badge, initialData, localTimes } from './dom.js';
import { formatDuration, formatNumber, formatTime, isLive } from './format.js';
import { follow } from './live.js';
import { appendPoints, minMax } from './series.js';
import { trialSeconds } from './table-model.js';

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const POINTS = 2000; // the chart keeps at most about twice this many points
const LOG_TAIL = 256 * 1024; // a long log opens at its last bytes
const LOG_FOLLOW_MILLIS = 1000;

const initial = initialData();
const experimentId = initial.experiment.id;
let trial = initial.trial;
const base = `/api/v1/experiments/${encodeURIComponent(experimentId)}/trials/${encodeURIComponent(trial.trialId)}`;
const skew = initial.now - Date.now();

// The intermediate results: all of them once, then those after the last sequence read.
let points = [];
let lastSequence = -1;
let chart = null;

async function readMetrics() {
  const added = [];
  for (;;) {
    const page = await api(`${base}/metrics?type=PERIODICAL&after=${lastSequence}&limit=10000`);
    for (const metric of page.items) added.push([metric.sequence, metric.value ?? null]);
    lastSequence = page.next;
    if (page.items.length < 10000) break;
  }
  if (!added.length && chart) return;
  points = points.length ? appendPoints(points, added, POINTS) : minMax(added, POINTS);
  const element = document.querySelector('[data-chart="trial-intermediates"]');
  document.getElementById('no-intermediates').hidden = points.length > 0;
  element.hidden = points.length === 0;
  if (!points.length) return;
  const echarts = await import(ECHARTS);
  if (!chart) {
    chart = echarts.init(element, matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : null);
    chart.on('finished', () => {
      element.dataset.rendered ??= String(performance.now());
    });
    addEventListener('resize', () => chart.resize());
  }
  chart.setOption({
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 60, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'Step', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', symbol: points.length > 100 ? 'none' : 'circle', data: points }],
  });
}

function drawTrial() {
  document.getElementById('status').replaceChildren(badge(trial.status));
  const message = document.getElementById('message');
  message.hidden = !trial.message;
  message.textContent = trial.message ?? '';
  const final = document.getElementById('final');
  final.textContent = trial.finalMetric !== null ? formatNumber(trial.finalMetric) : trial.finalMetricData ?? '–';
  final.title = trial.finalMetricData ?? '';
  document.getElementById('latest').textContent = formatNumber(trial.latestMetric);
  // The clock below only ticks while the trial runs; once it ends, this is its whole duration.
  document.getElementById('duration').textContent = formatDuration(trialSeconds(trial, Date.now() + skew));
  document.getElementById('exit-code').textContent = trial.exitCode ?? '–';
  document.getElementById('gpus').textContent = trial.gpuIndices.length ? trial.gpuIndices.join(', ') : 'none';
  document.getElementById('cancel').disabled = !isLive(trial.status);
}

setInterval(() => {
  if (trial.status === 'RUNNING') {
    document.getElementById('duration').textContent = formatDuration(trialSeconds(trial, Date.now() + skew));
  }
}, 1000);

// The output files: read from where the last read ended; a long file opens at its tail.
const log = document.getElementById('log');
const logState = { file: 'stdout', next: 0, timer: null, reading: false, again: false };

/** Reads the open file from where the last read ended; a read asked for during one runs after it. */
async function readLog() {
  if (logState.reading) {
    logState.again = true;
    return;
  }
  logState.reading = true;
  try {
    do {
      logState.again = false;
      await readLogOnce();
    } while (logState.again);
  } finally {
    logState.reading = false;
  }
}

async function readLogOnce() {
  const file = logState.file;
  const read = (offset, limit = '') =>
    api(`${base}/log?file=${encodeURIComponent(file)}&offset=${offset}${limit && `&limit=${limit}`}`);
  let chunk = await read(logState.next);
  if (file !== logState.file) return;
  if (logState.next === 0 && chunk.size > LOG_TAIL) {
    log.textContent = `… ${chunk.size - LOG_TAIL} earlier bytes not shown …\n`;
    chunk = await read(chunk.size - LOG_TAIL, LOG_TAIL);
  }
  while (file === logState.file) {
    if (chunk.text) {
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 20;
      log.append(chunk.text);
      if (atBottom && document.getElementById('follow').checked) log.scrollTop = log.scrollHeight;
    }
    logState.next = chunk.next;
    if (chunk.next >= chunk.size) break;
    chunk = await read(logState.next);
  }
}

function followLog() {
  clearInterval(logState.timer);
  logState.timer = isLive(trial.status)
    ? setInterval(() => readLog().catch((error) => console.warn('Tunelab: reading the log failed:', error.message)), LOG_FOLLOW_MILLIS)
    : null;
}

const logTabs = [...document.querySelectorAll('.log-tabs [role=tab]')];
function showLog(tab) {
  for (const one of logTabs) {
    one.setAttribute('aria-selected', String(one === tab));
    one.tabIndex = one === tab ? 0 : -1;
  }
  logState.file = tab.dataset.file;
  logState.next = 0;
  log.textContent = '';
  readLog().catch((error) => {
    log.textContent = `Could not read ${tab.dataset.file}: ${error.message}`;
  });
}
for (const tab of logTabs) {
  tab.addEventListener('click', () => showLog(tab));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = logTabs[(logTabs.indexOf(tab) + step + logTabs.length) % logTabs.length];
    next.focus();
    showLog(next);
  });
}

document.getElementById('copy-parameters').addEventListener('click', async () => {
  const text = JSON.stringify(trial.parameters, null, 2);
  const copied = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(text);
    copied.textContent = 'Copied.';
  } catch {
    getSelection().selectAllChildren(document.getElementById('parameters'));
    copied.textContent = 'Selected: press Ctrl+C to copy.';
  }
});

document.getElementById('cancel').addEventListener('click', async (event) => {
  event.target.disabled = true;
  try {
    trial = await api(`${base}/cancel`, { method: 'POST' });
    drawTrial();
  } catch (error) {
    document.getElementById('action-error').textContent = error.message;
  }
});

/** After a change in the experiment: the trial again, its new metrics, and the log once it ends. */
async function catchUp() {
  const wasLive = isLive(trial.status);
  trial = await api(base);
  drawTrial();
  await readMetrics();
  if (wasLive && !isLive(trial.status)) await readLog();
  followLog();
}

localTimes(document, formatTime);
showLog(logTabs[0]);
followLog();
follow(experimentId, catchUp);
