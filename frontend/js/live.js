// The change stream: pages learn that something changed, then fetch what they lack after their
// own cursors. A catch-up also runs on every (re)connect, so what changed while the connection
// was down is fetched too; nothing polls.
//
// Every dashboard tab of a browser shares one stream through a SharedWorker (stream-worker.js):
// browsers allow six HTTP/1.1 connections per host, and a stream holds one for as long as the
// page is open, so with a stream per tab the seventh tab would never load. Where SharedWorker is
// missing, each page opens its own.

const LABELS = { open: 'live', connecting: 'reconnecting…' };
const EVERYTHING = '/api/v1/stream';

/**
 * Follows the changes of one experiment, or of every experiment. catchUp(ids) runs with the ids
 * of the experiments that changed, or with null once the stream (re)connects, when anything may
 * have changed. Runs never overlap: what arrives during one is folded into a single next run.
 *
 * @param experimentId the experiment to follow; null for every experiment
 * @param catchUp async function that fetches and draws what changed
 */
export function follow(experimentId, catchUp) {
  const indicator = document.getElementById('live');
  const show = (state) => {
    if (!indicator) return;
    indicator.hidden = false;
    indicator.dataset.state = state;
    indicator.textContent = LABELS[state];
  };
  let pending = null; // null: nothing to do; 'all'; or a Set of experiment ids
  let running = false;
  const request = (ids) => {
    if (ids === null) pending = 'all';
    else if (pending !== 'all') {
      pending ??= new Set();
      ids.forEach((id) => pending.add(id));
    }
    if (!running) run();
  };
  const run = async () => {
    running = true;
    try {
      while (pending !== null) {
        const what = pending;
        pending = null;
        await catchUp(what === 'all' ? null : [...what]);
      }
    } catch (error) {
      // The server went away mid-fetch; the reconnect's catch-up fetches it again.
      show('connecting');
      console.warn('Tunelab: catching up failed, will retry on reconnect:', error.message);
    } finally {
      running = false;
    }
  };
  const events = {
    hello() {
      show('open');
      request(null);
    },
    change(ids) {
      const mine = experimentId === null ? ids : ids.filter((id) => id === experimentId);
      if (mine.length) request(mine);
    },
    lost() {
      show('connecting');
    },
  };
  const connect = typeof SharedWorker === 'function' ? sharedStream : ownStream;
  // A page left for another may stay in the back/forward cache: it lets go of the stream there
  // and catches up when it comes back.
  let stream = connect(experimentId, events);
  addEventListener('pagehide', () => {
    stream.close();
    show('connecting');
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) stream = connect(experimentId, events);
  });
}

/** The browser's one stream of every experiment, through the shared worker. */
function sharedStream(experimentId, events) {
  const worker = new SharedWorker('/js/stream-worker.js', { name: 'tunelab-changes' });
  worker.port.onmessage = ({ data }) => {
    if (data.type === 'hello') events.hello();
    else if (data.type === 'change') events.change(data.experiments);
    else if (data.type === 'lost') events.lost();
  };
  worker.port.start();
  return {
    close() {
      worker.port.postMessage('close');
      worker.port.close();
    },
  };
}

/** A stream of this page's own: the experiment's, or every experiment's. */
function ownStream(experimentId, events) {
  const url = experimentId === null ? EVERYTHING : `/api/v1/experiments/${encodeURIComponent(experimentId)}/stream`;
  const source = new EventSource(url);
  source.addEventListener('hello', events.hello);
  source.addEventListener('change', (event) => {
    const data = JSON.parse(event.data);
    events.change(data.experiments ?? [data.experiment]);
  });
  source.addEventListener('error', events.lost);
  return source;
}
