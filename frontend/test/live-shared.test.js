import { test } from 'node:test';
import assert from 'node:assert/strict';
import { follow } from '../js/live.js';

/** The page's side of the shared worker: deliver(message) as stream-worker.js would send it. */
class FakeSharedWorker {
  static last = null;
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.sent = [];
    this.port = {
      onmessage: null,
      start() {},
      close() {},
      postMessage: (message) => this.sent.push(message),
    };
    FakeSharedWorker.last = this;
  }
  deliver(message) {
    this.port.onmessage({ data: message });
  }
}
globalThis.SharedWorker = FakeSharedWorker;
globalThis.EventSource = class {
  constructor() {
    throw new Error('a page must not open its own stream where the shared one exists');
  }
};
globalThis.document = { getElementById: () => null };
const listeners = {};
globalThis.addEventListener = (name, listener) => (listeners[name] ??= []).push(listener);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("a page keeps the shared stream's changes of its own experiment", async () => {
  const calls = [];
  follow('b', async (ids) => calls.push(ids));
  const worker = FakeSharedWorker.last;

  assert.equal(worker.url, '/js/stream-worker.js');
  worker.deliver({ type: 'hello' });
  await settle();
  worker.deliver({ type: 'change', experiments: ['a', 'b', 'c'] });
  await settle();
  worker.deliver({ type: 'change', experiments: ['a'] });
  await settle();
  worker.deliver({ type: 'lost' });
  worker.deliver({ type: 'hello' });
  await settle();

  assert.deepEqual(calls, [null, ['b'], null]);
});

test('a page let go of the stream in the back/forward cache and joins again when shown', async () => {
  const calls = [];
  follow(null, async (ids) => calls.push(ids));
  const first = FakeSharedWorker.last;

  listeners.pagehide.forEach((listener) => listener({}));
  listeners.pageshow.forEach((listener) => listener({ persisted: true }));
  const second = FakeSharedWorker.last;
  second.deliver({ type: 'hello' });
  await settle();

  assert.deepEqual(first.sent, ['close']);
  assert.notEqual(second, first);
  assert.deepEqual(calls, [null]);
});
