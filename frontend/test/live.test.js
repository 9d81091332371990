import { test } from 'node:test';
import assert from 'node:assert/strict';
import { follow } from '../js/live.js';

/** An EventSource the test drives: emit('change', data) as the server would send it. */
class FakeSource {
  static last = null;
  constructor(url) {
    this.url = url;
    this.listeners = {};
    FakeSource.last = this;
  }
  addEventListener(name, listener) {
    (this.listeners[name] ??= []).push(listener);
  }
  emit(name, data) {
    for (const listener of this.listeners[name] ?? []) listener({ data: JSON.stringify(data ?? {}) });
  }
}
globalThis.EventSource = FakeSource;
globalThis.document = { getElementById: () => null };
globalThis.addEventListener = () => {}; // pagehide and pageshow never come here

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('every (re)connect asks for everything, changes name their experiments', async () => {
  const calls = [];
  follow(null, async (ids) => calls.push(ids));
  const source = FakeSource.last;

  source.emit('hello');
  await settle();
  source.emit('change', { experiments: ['a', 'b'] });
  await settle();
  source.emit('change', { experiment: 'c' });
  await settle();
  source.emit('hello');
  await settle();

  assert.deepEqual(calls, [null, ['a', 'b'], ['c'], null]);
});

test('changes that arrive during a catch-up fold into one more run, never overlapping', async () => {
  const calls = [];
  let release;
  let running = 0;
  let overlapped = false;
  follow(null, async (ids) => {
    running += 1;
    overlapped ||= running > 1;
    calls.push(ids);
    if (calls.length === 1) await new Promise((resolve) => (release = resolve));
    running -= 1;
  });
  const source = FakeSource.last;

  source.emit('change', { experiments: ['a'] });
  source.emit('change', { experiments: ['b'] });
  source.emit('change', { experiments: ['c', 'b'] });
  release();
  await settle();
  await settle();

  assert.deepEqual(calls, [['a'], ['b', 'c']]);
  assert.equal(overlapped, false);
});

test('a failed catch-up is retried by the next reconnect, not lost', async () => {
  const calls = [];
  const warn = console.warn;
  console.warn = () => {};
  try {
    follow('x', async (ids) => {
      calls.push(ids);
      if (calls.length === 1) throw new Error('connection refused');
    });
    const source = FakeSource.last;
    source.emit('change', { experiment: 'x' });
    await settle();
    source.emit('hello');
    await settle();
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(calls, [['x'], null]);
});
