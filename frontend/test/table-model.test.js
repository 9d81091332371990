import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyMetrics,
  comparator,
  createModel,
  exactTotal,
  matchesQuery,
  mergeTrials,
  pageCount,
  parseRange,
  shownMetric,
  trialSeconds,
} from '../js/table-model.js';
import { DEFAULTS, withChange } from '../js/query.js';

const trial = (sequenceId, extra = {}) => ({
  trialId: `T${sequenceId}`,
  sequenceId,
  status: 'RUNNING',
  parameters: { lr: 0.1, opt: 'adam' },
  finalMetric: null,
  finalMetricData: null,
  latestMetric: null,
  startedAt: null,
  endedAt: null,
  ...extra,
});

const page = (items, total, number = 0, size = 3) => ({ items, total, page: number, size });
const ids = (model) => model.rows.map((row) => row.sequenceId);

test('a new trial joins the top of the first page, newest first, and pushes the last row off', () => {
  const query = withChange(DEFAULTS, { size: 3 });
  const model = createModel(page([trial(4), trial(3), trial(2)], 5), query, 5);

  const merged = mergeTrials(model, [trial(5)]);

  assert.deepEqual(ids(merged), [5, 4, 3]);
  assert.equal(merged.total, 6);
  assert.equal(merged.shifted, false);
  assert.deepEqual(ids(model), [4, 3, 2], 'the old model is untouched');
});

test('a changed row is replaced in place and keeps its position', () => {
  const model = createModel(page([trial(2), trial(1), trial(0)], 3), { ...DEFAULTS, size: 3 }, 3);

  const merged = mergeTrials(model, [trial(1, { status: 'SUCCEEDED', finalMetric: 0.9 })]);

  assert.deepEqual(ids(merged), [2, 1, 0]);
  assert.equal(merged.rows[1].status, 'SUCCEEDED');
  assert.equal(merged.total, 3);
});

test('a row that no longer passes the status filter leaves the page', () => {
  const query = { ...DEFAULTS, status: ['RUNNING'], size: 3 };
  const model = createModel(page([trial(2), trial(1)], 2), query, 3);

  const merged = mergeTrials(model, [trial(1, { status: 'SUCCEEDED' })], {
    submittedTrials: 3,
    trialCounts: { RUNNING: 1, SUCCEEDED: 2 },
  });

  assert.deepEqual(ids(merged), [2]);
  assert.equal(merged.total, 1);
});

test('ascending by trial number, new trials belong on the last page only', () => {
  const query = { ...DEFAULTS, sort: 'sequenceId', size: 3 };
  const full = createModel(page([trial(0), trial(1), trial(2)], 4), query, 4);
  const last = createModel(page([trial(3)], 4, 1), query, 4);

  assert.deepEqual(ids(mergeTrials(full, [trial(4)])), [0, 1, 2]);
  assert.equal(mergeTrials(full, [trial(4)]).total, 5);
  assert.deepEqual(ids(mergeTrials(last, [trial(4)])), [3, 4]);
});

test('a trial that sorts before a later page is not placed there; the page says it shifted', () => {
  const query = { ...DEFAULTS, size: 2 };
  const second = createModel(page([trial(3), trial(2)], 6, 1, 2), query, 6);

  const merged = mergeTrials(second, [trial(6)]);

  assert.deepEqual(ids(merged), [3, 2]);
  assert.equal(merged.shifted, true);
  assert.equal(merged.total, 7);
});

test('sorted by metric, a finished trial takes its place by value; trials without one come last', () => {
  const query = { ...DEFAULTS, sort: '-finalMetric', size: 3 };
  const model = createModel(
    page([trial(0, { finalMetric: 0.9 }), trial(1, { finalMetric: 0.5 }), trial(2)], 3),
    query,
    3,
  );

  const merged = mergeTrials(model, [trial(2, { finalMetric: 0.7, status: 'SUCCEEDED' })]);

  assert.deepEqual(ids(merged), [0, 2, 1]);
});

test('the experiment counts give the exact total when only statuses filter', () => {
  const experiment = { submittedTrials: 10, trialCounts: { RUNNING: 2, FAILED: 3, SUCCEEDED: 5 } };
  assert.equal(exactTotal(DEFAULTS, experiment), 10);
  assert.equal(exactTotal({ ...DEFAULTS, status: ['RUNNING', 'FAILED'] }, experiment), 5);
  assert.equal(exactTotal({ ...DEFAULTS, param: ['lr:1'] }, experiment), null);
});

test('filters match as the server filters', () => {
  const t = trial(7, { finalMetric: 0.5, parameters: { lr: 0.0001, opt: 'adam', n: 3 } });
  assert.ok(matchesQuery(t, { ...DEFAULTS, sequence: '5..7' }));
  assert.ok(!matchesQuery(t, { ...DEFAULTS, sequence: '8..' }));
  assert.ok(matchesQuery(t, { ...DEFAULTS, metric: '..0.5' }));
  assert.ok(!matchesQuery(trial(1), { ...DEFAULTS, metric: '0..' }));
  assert.ok(matchesQuery(t, { ...DEFAULTS, param: ['lr:1e-4', 'opt:adam', 'n:3.0'] }));
  assert.ok(!matchesQuery(t, { ...DEFAULTS, param: ['opt:sgd'] }));
  assert.ok(!matchesQuery(t, { ...DEFAULTS, status: ['FAILED'] }));
});

test('ranges', () => {
  assert.deepEqual(parseRange('3'), { from: 3, to: 3 });
  assert.deepEqual(parseRange('..0.5'), { from: null, to: 0.5 });
  assert.deepEqual(parseRange('2..'), { from: 2, to: null });
  assert.equal(parseRange('a..b'), null);
  assert.equal(parseRange(''), null);
});

test('metrics set the latest intermediate and the first final value of rows on the page', () => {
  const model = createModel(page([trial(1), trial(0)], 2), { ...DEFAULTS, size: 3 }, 2);

  const updated = applyMetrics(model, [
    { trialId: 'T1', type: 'PERIODICAL', sequence: 0, value: 0.1 },
    { trialId: 'T1', type: 'PERIODICAL', sequence: 1, value: null },
    { trialId: 'T1', type: 'PERIODICAL', sequence: 2, value: 0.3 },
    { trialId: 'T0', type: 'FINAL', sequence: 0, value: 0.8, data: '0.8' },
    { trialId: 'T0', type: 'FINAL', sequence: 1, value: 0.2, data: '0.2' },
    { trialId: 'T9', type: 'PERIODICAL', sequence: 0, value: 5 },
  ]);

  assert.equal(updated.rows[0].latestMetric, 0.3);
  assert.equal(updated.rows[1].finalMetric, 0.8);
  assert.equal(applyMetrics(model, [{ trialId: 'T9', type: 'FINAL', value: 1 }]), model);
});

test('a row shows the final metric, else the latest intermediate marked as such', () => {
  assert.deepEqual(shownMetric(trial(0, { finalMetric: 0.9, latestMetric: 0.1 })), { value: 0.9, latest: false });
  assert.deepEqual(shownMetric(trial(0, { latestMetric: 0.1 })), { value: 0.1, latest: true });
  assert.deepEqual(shownMetric(trial(0)), { value: null, latest: false });
});

test('durations run to now while a trial runs', () => {
  const started = '2026-01-01T00:00:00Z';
  const now = Date.parse(started) + 90_500;
  assert.equal(trialSeconds(trial(0, { startedAt: started }), now), 90.5);
  assert.equal(trialSeconds(trial(0, { startedAt: started, endedAt: '2026-01-01T00:00:02Z' }), now), 2);
  assert.equal(trialSeconds(trial(0), now), null);
});

test('sort comparators put missing values last in both directions', () => {
  const a = trial(0, { finalMetric: null });
  const b = trial(1, { finalMetric: 1 });
  assert.ok(comparator('finalMetric')(a, b) > 0);
  assert.ok(comparator('-finalMetric')(a, b) > 0);
  assert.equal(pageCount(0, 50), 1);
  assert.equal(pageCount(101, 50), 3);
});
