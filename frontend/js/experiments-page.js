// The experiments page (/): the server drew the rows; the stream says which experiments changed
// and only those are fetched again. New experiments join at the top.

import { api } from './api.js';
import { badge, bar, h, localTimes } from './dom.js';
import { formatDuration, formatNumber, formatTime, parseNniDuration, progress } from './format.js';
import { follow } from './live.js';

/** An experiment's row, as fragments.html's experimentRow. */
function experimentRow(experiment) {
  const trials = progress(experiment.submittedTrials, experiment.config.maxTrialNumber ?? null);
  const time = progress(
    experiment.durationSeconds,
    parseNniDuration(experiment.config.maxExperimentDuration ?? null),
    formatDuration,
  );
  return h(
    'tr',
    { dataset: { experiment: experiment.id } },
    h('td', {}, h('a', { href: `/experiments/${encodeURIComponent(experiment.id)}` }, experiment.name || experiment.id)),
    h('td', { class: 'mono' }, experiment.id),
    h('td', {}, badge(experiment.status)),
    h('td', {}, h('span', {}, trials.text), bar(trials.fraction)),
    h('td', {}, h('span', {}, time.text), bar(time.fraction)),
    h('td', { class: 'num' }, experiment.bestTrial ? formatNumber(experiment.bestTrial.value) : '–'),
    h('td', {}, h('time', { datetime: experiment.startedAt }, formatTime(experiment.startedAt))),
  );
}

const body = document.querySelector('#experiments tbody');
localTimes(body, formatTime);

/** The experiments that changed, or (after a reconnect, ids null) every experiment listed. */
async function catchUp(ids) {
  const wanted = ids ?? (await api('/api/v1/experiments?size=200')).items.map((summary) => summary.id);
  const fresh = await Promise.all(wanted.map((id) => api(`/api/v1/experiments/${encodeURIComponent(id)}`)));
  for (const experiment of fresh.reverse()) {
    const row = experimentRow(experiment);
    const old = body.querySelector(`tr[data-experiment="${CSS.escape(experiment.id)}"]`);
    if (old) old.replaceWith(row);
    else body.prepend(row);
  }
  document.getElementById('no-experiments').hidden = body.rows.length > 0;
}

follow(null, catchUp);
