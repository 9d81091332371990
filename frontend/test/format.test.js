import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  formatBytes,
  formatDuration,
  formatNumber,
  formatStatus,
  formatTime,
  formatValue,
  parseNniDuration,
  progress,
  statusTone,
} from '../js/format.js';

const cases = JSON.parse(readFileSync(new URL('./format-cases.json', import.meta.url), 'utf8'));
const special = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, null: null };
const decode = (value) => (typeof value === 'string' ? special[value] : value);

test('numbers are written as the shared cases say', () => {
  for (const [input, expected] of cases.numbers) {
    assert.equal(formatNumber(decode(input)), expected, `formatNumber(${input})`);
  }
});

test('durations are written as the shared cases say', () => {
  for (const [input, expected] of cases.durations) {
    assert.equal(formatDuration(decode(input)), expected, `formatDuration(${input})`);
  }
});

test('statuses have a label and a tone as the shared cases say', () => {
  for (const [status, label, tone] of cases.statuses) {
    assert.equal(formatStatus(status), label);
    assert.equal(statusTone(status), tone);
  }
});

test('parameter values: numbers formatted, text kept, nested choices as JSON', () => {
  assert.equal(formatValue(0.000012346), '1.235e-5');
  assert.equal(formatValue('adam'), 'adam');
  assert.equal(formatValue({ _name: 'cnn', k: 3 }), '{"_name":"cnn","k":3}');
  assert.equal(formatValue(undefined), '–');
});

test('times are local date and time in a fixed shape', () => {
  assert.equal(formatTime('2026-11-28T10:34:15.123Z', 'UTC'), '2026-11-28 10:34:15');
  assert.equal(formatTime('2026-11-28T23:59:59Z', 'Asia/Tokyo'), '2026-11-29 08:59:59');
  assert.equal(formatTime(null), '–');
  assert.equal(formatTime('not a time'), '–');
});

test('NNI durations are read as the server reads them, rounding up to seconds', () => {
  assert.equal(parseNniDuration('30s'), 30);
  assert.equal(parseNniDuration('10m'), 600);
  assert.equal(parseNniDuration('1.5h'), 5400);
  assert.equal(parseNniDuration('2d'), 172800);
  assert.equal(parseNniDuration('0.5s'), 1);
  assert.equal(parseNniDuration(90), 90);
  assert.equal(parseNniDuration('soon'), null);
  assert.equal(parseNniDuration(undefined), null);
});

test('progress against a budget, or against none', () => {
  assert.deepEqual(progress(5, 20), { text: '5 / 20', fraction: 0.25 });
  assert.deepEqual(progress(30, 20), { text: '30 / 20', fraction: 1 });
  assert.deepEqual(progress(7, null), { text: '7 / ∞', fraction: null });
  assert.equal(progress(90, 3600, formatDuration).text, '1m 30s / 1h 00m');
});

test('byte counts', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MiB');
});
