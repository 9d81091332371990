// Chart data kept current in the browser: what the server sent, plus what the live stream adds,
// always bounded. Pure functions.

/** Whether a is better than b for the experiment's optimize mode. */
export function better(a, b, mode) {
  return mode === 'maximize' ? a > b : a < b;
}

/** The best value so far at each trial, for the line over the final-metric scatter. */
export function bestSoFar(points, mode) {
  const line = [];
  let best = null;
  for (const point of points) {
    if (best === null || better(point.value, best, mode)) {
      best = point.value;
      line.push([point.sequenceId, best]);
    }
  }
  if (points.length && line.length && line[line.length - 1][0] !== points[points.length - 1].sequenceId) {
    line.push([points[points.length - 1].sequenceId, best]);
  }
  return line;
}

/** The best percent of the points (at least one), in trial order, as the server's top= does. */
export function topPercent(points, percent, mode) {
  if (percent >= 100 || !points.length) return points.slice();
  const keep = Math.max(1, Math.ceil((points.length * percent) / 100));
  return points
    .slice()
    .sort((a, b) => (mode === 'maximize' ? b.value - a.value : a.value - b.value))
    .slice(0, keep)
    .sort((a, b) => a.sequenceId - b.sequenceId);
}

/**
 * Min-max downsampling, as the server's Downsample does: buckets keep their lowest and highest
 * point in order, the first and last points stay, nulls (gaps) are skipped in buckets.
 *
 * @param points [x, y] pairs in increasing x
 */
export function minMax(points, max) {
  if (points.length <= max) return points.slice();
  const buckets = Math.max(1, Math.floor((max - 2) / 2));
  const kept = [points[0]];
  const inner = points.length - 2;
  for (let b = 0; b < buckets; b += 1) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = null;
    let high = null;
    for (let i = from; i < to; i += 1) {
      const point = points[i];
      if (point[1] === null || Number.isNaN(point[1])) continue;
      if (low === null || point[1] < low[1]) low = point;
      if (high === null || point[1] > high[1]) high = point;
    }
    if (low !== null) {
      const [first, second] = low[0] <= high[0] ? [low, high] : [high, low];
      kept.push(first);
      if (low !== high) kept.push(second);
    }
  }
  kept.push(points[points.length - 1]);
  return kept;
}

/**
 * Appends new [step, value] points to a drawn series, keeping it at most about 2 * max points:
 * past that it is downsampled again, so a long-running trial never grows the chart without bound.
 * Points at or before the series' last step are dropped (already drawn).
 */
export function appendPoints(points, added, max) {
  const last = points.length ? points[points.length - 1][0] : -Infinity;
  const fresh = added.filter((point) => point[0] > last);
  if (!fresh.length) return points;
  const all = points.concat(fresh);
  return all.length > 2 * max ? minMax(all, max) : all;
}

/**
 * The final-metric points after some trials changed: a trial with a final metric is added or
 * updated, in trial order.
 *
 * @param points [{sequenceId, trialId, value, parameters}] in trial order
 */
export function mergeFinals(points, trials) {
  const bySequence = new Map(points.map((point) => [point.sequenceId, point]));
  let changed = false;
  for (const trial of trials) {
    if (trial.finalMetric === null || trial.finalMetric === undefined) continue;
    const old = bySequence.get(trial.sequenceId);
    if (old && old.value === trial.finalMetric) continue;
    bySequence.set(trial.sequenceId, {
      sequenceId: trial.sequenceId,
      trialId: trial.trialId,
      value: trial.finalMetric,
      parameters: trial.parameters,
    });
    changed = true;
  }
  if (!changed) return points;
  return [...bySequence.values()].sort((a, b) => a.sequenceId - b.sequenceId);
}

/** The durations after some trials changed (ended, started), in trial order. */
export function mergeDurations(durations, trials) {
  const bySequence = new Map(durations.map((d) => [d.sequenceId, d]));
  let changed = false;
  for (const trial of trials) {
    if (trial.durationMillis === null || trial.durationMillis === undefined) continue;
    bySequence.set(trial.sequenceId, {
      sequenceId: trial.sequenceId,
      trialId: trial.trialId,
      status: trial.status,
      seconds: trial.durationMillis / 1000,
    });
    changed = true;
  }
  if (!changed) return durations;
  return [...bySequence.values()].sort((a, b) => a.sequenceId - b.sequenceId);
}

/**
 * Adds the PERIODICAL metrics of the experiment's feed to the intermediate series drawn, for the
 * trials drawn only.
 *
 * @param series [{trialId, sequenceId, status, points, total}]
 * @returns the same array when nothing changed
 */
export function appendIntermediates(series, metrics, max) {
  const added = new Map();
  for (const metric of metrics) {
    if (metric.type !== 'PERIODICAL') continue;
    if (!added.has(metric.trialId)) added.set(metric.trialId, []);
    added.get(metric.trialId).push([metric.sequence, metric.value ?? null]);
  }
  let changed = false;
  const next = series.map((one) => {
    const fresh = added.get(one.trialId);
    if (!fresh) return one;
    const points = appendPoints(one.points, fresh, max);
    if (points === one.points) return one;
    changed = true;
    return { ...one, points, total: one.total + fresh.length };
  });
  return changed ? next : series;
}

/** The parameter axes of a search space for parallel coordinates: numeric, log or categorical. */
export function parameterAxes(searchSpace) {
  return Object.entries(searchSpace ?? {}).map(([name, spec]) => {
    const type = spec?._type;
    const values = spec?._value ?? [];
    if (type === 'choice') {
      const categories = values.map((value) => (value !== null && typeof value === 'object' ? value._name ?? JSON.stringify(value) : String(value)));
      return { name, kind: 'category', categories };
    }
    if (type === 'loguniform' || type === 'qloguniform' || type === 'lognormal' || type === 'qlognormal') {
      return { name, kind: 'log' };
    }
    return { name, kind: 'value' };
  });
}

/** A parameter value on its axis: choices by their name, numbers as numbers. */
export function axisValue(axis, value) {
  if (axis.kind === 'category') {
    return value !== null && typeof value === 'object' ? value._name ?? JSON.stringify(value) : String(value);
  }
  return typeof value === 'number' ? value : Number(value);
}
