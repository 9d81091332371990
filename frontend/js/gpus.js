// The GPUs tab: each GPU's utilisation and memory over the last hour and the trials holding it.
// GPU readings are not events, so while the tab is open it reads them once per sampling interval.

import { api } from './api.js';
import { h } from './dom.js';

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const REFRESH_MILLIS = 5000;

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
    for (const card of now.gpus) {
      if (!drawn.has(card.index)) {
        const holders = h('p', { class: 'holders' });
        const chart = h('div', { class: 'chart', dataset: { chart: `gpu-${card.index}` } });
        list.append(h('div', { class: 'chart-box' }, h('header', {}, h('h3', {}, `GPU ${card.index} · ${card.name}`)), holders, chart));
        const instance = echarts.init(chart, matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : null);
        instance.on('finished', () => {
          chart.dataset.rendered ??= String(performance.now());
        });
        drawn.set(card.index, { instance, holders });
      }
      const { instance, holders } = drawn.get(card.index);
      holders.textContent = card.trials.length
        ? `Held by ${card.trials.map((t) => `trial ${t.trialId} (${t.experimentId})`).join(', ')}`
        : 'Free';
      const samples = history.map((sample) => [sample.at, sample.gpus.find((g) => g.index === card.index)]).filter(([, g]) => g);
      instance.setOption({
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 50, right: 50, top: 30, bottom: 30 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' },
        yAxis: [
          { type: 'value', name: 'util %', min: 0, max: 100 },
          { type: 'value', name: 'MiB', min: 0, max: card.memoryTotalMib },
        ],
        series: [
          { name: 'Utilisation', type: 'line', symbol: 'none', data: samples.map(([at, g]) => [at, g.utilizationPercent]) },
          { name: 'Memory used', type: 'line', symbol: 'none', yAxisIndex: 1, data: samples.map(([at, g]) => [at, g.memoryUsedMib]) },
        ],
      });
    }
  }

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
