// The GPUs tab: each GPU's utilisation and memory over the last hour and the trials holding it.
// GPU readings are not events, so while the tab is open it reads them once per sampling interval.

import { api } from './api.js';
import { h } from './dom.js';

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const REFRESH_MILLIS = 5000; // nvidia-smi is read at most this often (tunelab.gpus.refresh-interval)

export function gpus() {
  const list = document.getElementById('gpu-list');
  const drawn = new Map();
  let echarts = null;
  let timer = null;

  async function refresh() {
    echarts ??= await import(ECHARTS);
    const [now, history] = await Promise.all([api('/api/v1/gpus'), api('/api/v1/gpus/history')]);
    if (!now.available) {
      list.replaceChildren(h('p', { class: 'empty' }, `No GPUs: ${now.problem ?? 'nvidia-smi found none'}.`));
      return;
    }
    const added = now.gpus.filter((card) => !drawn.has(card.index));
    for (const card of added) {
      const holders = h('p', { class: 'holders' });
      const chart = h('div', { class: 'chart', dataset: { chart: `gpu-${card.index}` } });
      list.append(h('div', { class: 'chart-box' }, h('header', {}, h('h3', {}, `GPU ${card.index} · ${card.name}`)), holders, chart));
      drawn.set(card.index, { chart, holders });
    }
    for (const card of added) {
      // Only once every card is in the grid do the charts know their width.
      const one = drawn.get(card.index);
      one.instance = echarts.init(one.chart, matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : null);
      one.instance.on('finished', () => {
        one.chart.dataset.rendered ??= String(performance.now());
      });
    }
    for (const card of now.gpus) {
      const { instance, holders, chart } = drawn.get(card.index);
      holders.textContent = card.trials.length
        ? `Held by ${card.trials.map((t) => `trial ${t.trialId} (${t.experimentId})`).join(', ')}`
        : 'Free';
      const samples = history.map((sample) => [sample.at, sample.gpus.find((g) => g.index === card.index)]).filter(([, g]) => g);
      chart.dataset.samples = String(samples.length);
      instance.setOption({
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 50, right: 60, top: 50, bottom: 30 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' },
        yAxis: [
          { type: 'value', name: 'util %', min: 0, max: 100 },
          { type: 'value', name: 'MiB', min: 0, max: card.memoryTotalMib, splitLine: { show: false } },
        ],
        series: [
          { name: 'Utilisation', type: 'line', showSymbol: samples.length < 30, data: samples.map(([at, g]) => [at, g.utilizationPercent]) },
          { name: 'Memory used', type: 'line', showSymbol: samples.length < 30, yAxisIndex: 1, data: samples.map(([at, g]) => [at, g.memoryUsedMib]) },
        ],
      });
    }
  }

  addEventListener('resize', () => drawn.forEach((one) => one.instance?.resize()));
  const run = () => refresh().catch((error) => console.warn('Tunelab: GPU readings failed:', error.message));
  return {
    show() {
      if (timer) return;
      run();
      timer = setInterval(run, REFRESH_MILLIS);
    },
    hide() {
      clearInterval(timer);
      timer = null;
    },
  };
}
