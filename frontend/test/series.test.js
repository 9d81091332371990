import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendIntermediates,
  appendPoints,
  axisValue,
  bestSoFar,
  mergeDurations,
  mergeFinals,
  minMax,
  parameterAxes,
  topPercent,
} from '../js/series.js';

const points = (...values) => values.map((value, i) => ({ sequenceId: i, trialId: `T${i}`, value }));

test('the best-so-far line steps at each improvement and runs to the last trial', () => {
  assert.deepEqual(bestSoFar(points(0.5, 0.7, 0.6, 0.9, 0.1), 'maximize'), [
    [0, 0.5],
    [1, 0.7],
    [3, 0.9],
    [4, 0.9],
  ]);
  assert.deepEqual(bestSoFar(points(0.5, 0.7, 0.1), 'minimize'), [
    [0, 0.5],
    [2, 0.1],
  ]);
  assert.deepEqual(bestSoFar([], 'maximize'), []);
});

test('the top percent keeps the best, at least one, in trial order', () => {
  const all = points(0.1, 0.9, 0.5, 0.7);
  assert.deepEqual(topPercent(all, 50, 'maximize').map((p) => p.sequenceId), [1, 3]);
  assert.deepEqual(topPercent(all, 50, 'minimize').map((p) => p.sequenceId), [0, 2]);
  assert.deepEqual(topPercent(all, 1, 'maximize').map((p) => p.sequenceId), [1]);
  assert.equal(topPercent(all, 100, 'maximize').length, 4);
});

test('min-max downsampling keeps peaks, dips, the first and the last point', () => {
  const series = Array.from({ length: 1000 }, (_, i) => [i, i === 500 ? 99 : i === 700 ? -99 : Math.sin(i)]);
  const drawn = minMax(series, 100);
  assert.ok(drawn.length <= 100);
  assert.deepEqual(drawn[0], [0, 0]);
  assert.deepEqual(drawn[drawn.length - 1], series[999]);
  assert.ok(drawn.some((p) => p[1] === 99));
  assert.ok(drawn.some((p) => p[1] === -99));
  assert.ok(drawn.every((p, i) => i === 0 || p[0] > drawn[i - 1][0]), 'x stays increasing');
  assert.deepEqual(minMax([[0, 1], [1, 2]], 100), [[0, 1], [1, 2]]);
});

test('gaps (nulls) are skipped inside buckets', () => {
  const series = Array.from({ length: 50 }, (_, i) => [i, i % 2 ? null : i]);
  assert.ok(minMax(series, 10).slice(1, -1).every((p) => p[1] !== null));
});

test('appending points drops what is drawn and stays bounded', () => {
  let drawn = [[0, 1], [1, 2]];
  drawn = appendPoints(drawn, [[1, 2], [2, 3]], 10);
  assert.deepEqual(drawn, [[0, 1], [1, 2], [2, 3]]);
  assert.equal(appendPoints(drawn, [[0, 5]], 10), drawn);
  for (let step = 3; step < 5000; step += 1) drawn = appendPoints(drawn, [[step, Math.random()]], 100);
  assert.ok(drawn.length <= 200);
  assert.equal(drawn[drawn.length - 1][0], 4999);
});

test('finals merge in trial order and ignore trials without a final metric', () => {
  const finals = points(0.5, 0.6);
  const merged = mergeFinals(finals, [
    { sequenceId: 3, trialId: 'T3', finalMetric: 0.9, parameters: {} },
    { sequenceId: 2, trialId: 'T2', finalMetric: null },
  ]);
  assert.deepEqual(merged.map((p) => p.sequenceId), [0, 1, 3]);
  assert.equal(mergeFinals(finals, [{ sequenceId: 0, finalMetric: 0.5 }]), finals);
});

test('durations merge by trial number', () => {
  const merged = mergeDurations([{ sequenceId: 0, seconds: 1 }], [
    { sequenceId: 0, trialId: 'a', status: 'SUCCEEDED', durationMillis: 2500 },
    { sequenceId: 1, trialId: 'b', status: 'WAITING', durationMillis: null },
  ]);
  assert.deepEqual(merged, [{ sequenceId: 0, trialId: 'a', status: 'SUCCEEDED', seconds: 2.5 }]);
});

test('intermediate metrics extend only the series drawn', () => {
  const series = [{ trialId: 'A', points: [[0, 1]], total: 1 }];
  const next = appendIntermediates(
    series,
    [
      { trialId: 'A', type: 'PERIODICAL', sequence: 1, value: 2 },
      { trialId: 'B', type: 'PERIODICAL', sequence: 0, value: 3 },
      { trialId: 'A', type: 'FINAL', sequence: 0, value: 9 },
    ],
    300,
  );
  assert.deepEqual(next[0].points, [[0, 1], [1, 2]]);
  assert.equal(next[0].total, 2);
  assert.equal(appendIntermediates(series, [{ trialId: 'B', type: 'PERIODICAL', sequence: 0, value: 1 }], 300), series);
});

test('parallel axes follow the search space', () => {
  const axes = parameterAxes({
    lr: { _type: 'loguniform', _value: [1e-4, 0.1] },
    opt: { _type: 'choice', _value: ['adam', 'sgd'] },
    model: { _type: 'choice', _value: [{ _name: 'cnn', k: {} }, { _name: 'mlp' }] },
    x: { _type: 'uniform', _value: [0, 1] },
  });
  assert.deepEqual(axes.map((a) => a.kind), ['log', 'category', 'category', 'value']);
  assert.deepEqual(axes[2].categories, ['cnn', 'mlp']);
  assert.equal(axisValue(axes[2], { _name: 'cnn', k: 3 }), 'cnn');
  assert.equal(axisValue(axes[1], 'adam'), 'adam');
  assert.equal(axisValue(axes[0], 0.01), 0.01);
});
