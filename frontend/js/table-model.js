// The trial table's page as data: the rows the server sent, merged with the increments the live
// stream brings (changed trials, new metrics) without fetching the page again. Pure functions;
// every update returns a new model and never mutates the old one.

/**
 * A model from one page of the trials endpoint.
 *
 * @param page {items, total, page, size} as the server sent it
 * @param query the filters and sort the page was read with (see query.js)
 * @param known how many trials the experiment had when the page was read (submittedTrials)
 */
export function createModel(page, query, known = 0) {
  return {
    rows: page.items.slice(),
    total: page.total,
    page: page.page,
    size: page.size,
    query,
    known: Math.max(known, ...page.items.map((trial) => trial.sequenceId + 1)),
    shifted: false,
  };
}

/** Reads "12", "10..20", "10.." or "..20"; null when empty or unreadable. */
export function parseRange(text) {
  if (!text) return null;
  const [from, to] = text.includes('..') ? text.split('..', 2) : [text, text];
  const read = (part) => (part.trim() === '' ? null : Number(part));
  const range = { from: read(from), to: read(to) };
  return Number.isNaN(range.from) || Number.isNaN(range.to) ? null : range;
}

function inRange(value, range) {
  if (!range) return true;
  if (value === null || value === undefined) return false;
  return (range.from === null || value >= range.from) && (range.to === null || value <= range.to);
}

/** Whether "name:value" matches the trial's parameter as the server's filter does. */
function parameterMatches(parameters, filter) {
  const colon = filter.indexOf(':');
  if (colon <= 0) return true;
  const name = filter.slice(0, colon);
  const text = filter.slice(colon + 1).trim();
  const actual = parameters?.[name];
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  if (typeof actual === 'number') return text !== '' && Number(text) === actual;
  return String(actual) === text || JSON.stringify(actual) === text;
}

/** Whether a trial passes the query's filters. */
export function matchesQuery(trial, query) {
  if (query.status.length && !query.status.includes(trial.status)) return false;
  if (!inRange(trial.sequenceId, parseRange(query.sequence))) return false;
  if (query.metric && !inRange(trial.finalMetric, parseRange(query.metric))) return false;
  return query.param.every((filter) => parameterMatches(trial.parameters, filter));
}

const KEYS = {
  sequenceId: (trial) => trial.sequenceId,
  finalMetric: (trial) => trial.finalMetric,
  status: (trial) => trial.status,
  startedAt: (trial) => (trial.startedAt ? Date.parse(trial.startedAt) : null),
  endedAt: (trial) => (trial.endedAt ? Date.parse(trial.endedAt) : null),
};

/** The server's order for a sort key: values without a key last, ties by trial number. */
export function comparator(sort) {
  const descending = sort.startsWith('-');
  const key = KEYS[descending ? sort.slice(1) : sort] ?? KEYS.sequenceId;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return a.sequenceId - b.sequenceId;
  };
}

/**
 * The total the experiment's counts give for the query, when they can: no filter, or statuses
 * only. Null when other filters make it unknowable without asking the server.
 */
export function exactTotal(query, experiment) {
  if (!experiment || query.sequence || query.metric || query.param.length) return null;
  if (!query.status.length) return experiment.submittedTrials;
  return query.status.reduce((sum, status) => sum + (experiment.trialCounts?.[status] ?? 0), 0);
}

/**
 * Merges changed trials into the page: a row on the page is replaced (or dropped when it no longer
 * passes the filters); a trial not on the page joins it where the sort puts it within the page,
 * the last row making way when the page is full. A trial that sorts before the first row of a
 * later page cannot be placed without the earlier pages: the model says so with shifted = true
 * and leaves the rows alone, so a page being read does not jump.
 *
 * @param experiment the experiment now, for the exact total; optional
 */
export function mergeTrials(model, changed, experiment) {
  const order = comparator(model.query.sort);
  let rows = model.rows.slice();
  let { total, known, shifted } = model;
  for (const trial of changed) {
    const index = rows.findIndex((row) => row.trialId === trial.trialId);
    const matches = matchesQuery(trial, model.query);
    const isNew = trial.sequenceId >= known;
    if (isNew) known = trial.sequenceId + 1;
    if (index >= 0) {
      if (matches) {
        rows[index] = trial;
      } else {
        rows.splice(index, 1);
        total -= 1;
      }
      continue;
    }
    if (!matches) continue;
    if (isNew) total += 1;
    const position = rows.findIndex((row) => order(trial, row) < 0);
    if (position === 0 && model.page > 0) {
      shifted = true;
    } else if (position >= 0) {
      rows.splice(position, 0, trial);
    } else if (rows.length < model.size && (model.page + 1) * model.size >= total) {
      rows.push(trial);
    }
  }
  rows.sort(order);
  if (rows.length > model.size) rows = rows.slice(0, model.size);
  const exact = exactTotal(model.query, experiment);
  return { ...model, rows, total: exact ?? Math.max(total, rows.length), known, shifted };
}

/**
 * Applies new metrics (from the experiment's metric feed, in id order) to the rows they belong to:
 * the newest finite intermediate result becomes latestMetric, the first FINAL report the final
 * metric, as the server keeps them.
 *
 * @returns the new model, or the same one when no row changed
 */
export function applyMetrics(model, metrics) {
  const byId = new Map(model.rows.map((row, index) => [row.trialId, index]));
  let rows = null;
  for (const metric of metrics) {
    const index = byId.get(metric.trialId);
    if (index === undefined) continue;
    rows ??= model.rows.slice();
    const row = rows[index];
    if (metric.type === 'PERIODICAL' && metric.value !== null && metric.value !== undefined) {
      rows[index] = { ...row, latestMetric: metric.value };
    } else if (metric.type === 'FINAL' && (row.finalMetricData === null || row.finalMetricData === undefined)) {
      rows[index] = { ...row, finalMetric: metric.value ?? null, finalMetricData: metric.data };
    }
  }
  if (!rows) return model;
  return { ...model, rows: model.query.sort.endsWith('finalMetric') ? rows.sort(comparator(model.query.sort)) : rows };
}

/**
 * How long a trial has run, in seconds: to its end, or to now while it runs.
 *
 * @param now the server's clock now, in epoch milliseconds
 */
export function trialSeconds(trial, now) {
  if (!trial.startedAt) return null;
  const end = trial.endedAt ? Date.parse(trial.endedAt) : now;
  return Math.max(0, (end - Date.parse(trial.startedAt)) / 1000);
}

/** The metric a row shows: the final one, or the latest intermediate while the trial runs. */
export function shownMetric(trial) {
  if (trial.finalMetric !== null && trial.finalMetric !== undefined) return { value: trial.finalMetric, latest: false };
  if (trial.latestMetric !== null && trial.latestMetric !== undefined) return { value: trial.latestMetric, latest: true };
  return { value: null, latest: false };
}

/** The page count for a total. */
export function pageCount(total, size) {
  return Math.max(1, Math.ceil(total / size));
}
