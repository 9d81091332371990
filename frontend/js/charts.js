// The charts tab: ECharts (from its webjar, loaded on first use) over data the server has already
// reduced (finals, durations, downsampled intermediates), kept current from the change stream.
// Every chart element gets data-rendered once ECharts has drawn it (the benchmark reads it); no
// series renders progressively, so 'finished' comes once everything is drawn.

import { api } from './api.js';
import {
  appendIntermediates,
  axisValue,
  bestSoFar,
  mergeDurations,
  mergeFinals,
  parameterAxes,
  topPercent,
} from './series.js';
import { formatNumber } from './format.js';

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const POINTS = 300; // per intermediate series, as the server downsamples
const PARALLEL_LINES = 1000; // the default top-% keeps at most this many lines
const LARGE = 2000; // points past which a series draws in ECharts' large mode
const REDRAW_MILLIS = 1000; // live updates redraw a chart at most this often

const dark = () => matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * The charts of one experiment.
 *
 * @param experiment the experiment (config.searchSpace, optimizeMode)
 * @param openTrial (trialId) => void, when a point is clicked
 */
export function charts({ experiment, openTrial }) {
  const base = `/api/v1/experiments/${encodeURIComponent(experiment.id)}`;
  const axes = parameterAxes(experiment.config.searchSpace);
  const mode = experiment.optimizeMode;
  const element = (name) => document.querySelector(`[data-chart="${name}"]`);
  const state = { finals: null, durations: null, series: null, chosen: null, top: null };
  const drawn = {};
  let echarts = null;
  let visible = false;
  let dirty = new Set();
  let timer = null;

  async function chart(name) {
    if (!drawn[name]) {
      drawn[name] = echarts.init(element(name), dark() ? 'dark' : null, { renderer: 'canvas' });
      drawn[name].on('click', (event) => {
        const trialId = event.data?.trialId ?? event.data?.[2];
        if (trialId) openTrial(trialId);
      });
      drawn[name].on('finished', () => {
        if (!element(name).dataset.rendered) element(name).dataset.rendered = String(performance.now());
      });
    }
    return drawn[name];
  }

  const background = { backgroundColor: 'transparent', animation: false };
  const grid = { left: 60, right: 20, top: 30, bottom: 40 };

  const draw = {
    async finals() {
      const points = state.finals;
      (await chart('finals')).setOption(
        {
          ...background,
          grid,
          tooltip: { trigger: 'item', formatter: (p) => `Trial ${p.value[0]}: ${formatNumber(p.value[1])}` },
          xAxis: { type: 'value', name: 'Trial No.', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
          yAxis: { type: 'value', scale: true },
          series: [
            { type: 'scatter', name: 'Final metric', symbolSize: 5, large: points.length > LARGE, progressive: 0, data: points.map((p) => [p.sequenceId, p.value, p.trialId]) },
            { type: 'line', name: 'Best so far', step: 'end', symbol: 'none', data: bestSoFar(points, mode) },
          ],
        },
        true,
      );
    },
    async parallel() {
      const top = state.top ?? defaultTop(state.finals.length);
      state.top = top;
      document.getElementById('parallel-top').value = String(top);
      const points = topPercent(state.finals, top, mode);
      const values = points.map((p) => p.value);
      const parallelAxis = [
        ...axes.map((axis, dim) =>
          axis.kind === 'category'
            ? { dim, name: axis.name, type: 'category', data: axis.categories }
            : { dim, name: axis.name, type: axis.kind === 'log' ? 'log' : 'value', scale: true }),
        { dim: axes.length, name: 'metric', type: 'value', scale: true },
      ];
      (await chart('parallel')).setOption(
        {
          ...background,
          parallel: { left: 50, right: 110, top: 40, bottom: 30 },
          parallelAxis,
          visualMap: {
            show: true, type: 'continuous', dimension: axes.length, orient: 'vertical', right: 5, top: 'middle', itemHeight: 120,
            ...range(values), inRange: { color: mode === 'maximize' ? ['#c6dbef', '#08306b'] : ['#08306b', '#c6dbef'] },
            calculable: true, precision: 3,
          },
          series: [{
            type: 'parallel', lineStyle: { width: 1, opacity: 0.6 }, progressive: 0,
            data: points.map((p) => [...axes.map((axis) => axisValue(axis, p.parameters?.[axis.name])), p.value]),
          }],
        },
        true,
      );
    },
    async intermediates() {
      document.getElementById('intermediates-which').textContent = state.chosen
        ? `${state.chosen.length} selected trials`
        : 'best 10 and latest 10';
      (await chart('intermediates')).setOption(
        {
          ...background,
          grid,
          legend: { type: 'scroll', top: 0 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', name: 'Step', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
          yAxis: { type: 'value', scale: true },
          series: state.series.map((one) => ({ type: 'line', name: `Trial ${one.sequenceId}`, symbol: 'none', connectNulls: false, data: one.points })),
        },
        true,
      );
    },
    async durations() {
      const durations = state.durations;
      (await chart('durations')).setOption(
        {
          ...background,
          grid,
          tooltip: { trigger: 'item', formatter: (p) => `Trial ${p.value[0]}: ${p.value[1].toFixed(1)} s` },
          xAxis: { type: 'value', name: 'Trial No.', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
          yAxis: { type: 'value', name: 'seconds' },
          // Past a few thousand trials a bar is thinner than a pixel: points draw the same picture
          // several times faster.
          series: [
            durations.length > LARGE
              ? { type: 'scatter', large: true, progressive: 0, symbolSize: 3, data: durations.map((d) => [d.sequenceId, d.seconds, d.trialId]) }
              : { type: 'bar', barMaxWidth: 8, data: durations.map((d) => [d.sequenceId, d.seconds, d.trialId]) },
          ],
        },
        true,
      );
    },
  };

  /** The metric's range for the colour scale; a single value gets a range around it. */
  function range(values) {
    let min = Infinity;
    let max = -Infinity;
    for (const value of values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    if (!Number.isFinite(min)) return { min: 0, max: 1 };
    return min === max ? { min: min - 1, max: max + 1 } : { min, max };
  }

  /** The largest top-% option that keeps at most PARALLEL_LINES lines. */
  function defaultTop(count) {
    const options = [...document.querySelectorAll('#parallel-top option')].map((o) => Number(o.value));
    return options.find((p) => (count * p) / 100 <= PARALLEL_LINES) ?? options[options.length - 1];
  }

  async function loadIntermediates() {
    const trials = state.chosen ? `&trials=${state.chosen.map(encodeURIComponent).join(',')}` : '';
    state.series = await api(`${base}/charts/intermediates?points=${POINTS}${trials}`);
  }

  /** Draws one chart a frame, so the first shows while the others are still being drawn. */
  async function redraw(names) {
    for (const name of names) {
      await draw[name]();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  function schedule(names) {
    names.forEach((name) => dirty.add(name));
    if (!visible || timer) return;
    timer = setTimeout(() => {
      timer = null;
      const now = dirty;
      dirty = new Set();
      redraw([...now]).catch((error) => console.warn('Tunelab: a chart could not be drawn:', error.message));
    }, REDRAW_MILLIS);
  }

  document.getElementById('parallel-top').addEventListener('change', (event) => {
    state.top = Number(event.target.value);
    draw.parallel();
  });
  addEventListener('resize', () => Object.values(drawn).forEach((one) => one.resize()));

  return {
    /** Loads ECharts and the data on first show, then draws what changed while hidden. */
    async show() {
      visible = true;
      if (!echarts) {
        const [module, finals, durations] = await Promise.all([
          import(ECHARTS),
          api(`${base}/charts/finals`),
          api(`${base}/charts/durations`),
          loadIntermediates(),
        ]);
        echarts = module;
        state.finals = finals.points;
        state.durations = durations;
        await redraw(['intermediates', 'finals', 'parallel', 'durations']);
        dirty.clear();
      } else {
        Object.values(drawn).forEach((one) => one.resize());
        schedule([]);
      }
    },
    hide() {
      visible = false;
    },
    /** Trials that changed and metrics that arrived, from the page's catch-up. */
    update(trials, metrics) {
      if (!state.finals) return; // not loaded yet: the first show reads everything
      const names = [];
      const finals = mergeFinals(state.finals, trials);
      if (finals !== state.finals) {
        state.finals = finals;
        names.push('finals', 'parallel');
      }
      const durations = mergeDurations(state.durations, trials);
      if (durations !== state.durations) {
        state.durations = durations;
        names.push('durations');
      }
      const series = appendIntermediates(state.series, metrics, POINTS);
      if (series !== state.series) {
        state.series = series;
        names.push('intermediates');
      }
      if (names.length) schedule(names);
    },
    /** Shows the intermediate results of these trials (null: the best and the latest). */
    async choose(trialIds) {
      state.chosen = trialIds;
      if (!echarts) return;
      await loadIntermediates();
      await draw.intermediates();
    },
  };
}
