// The change stream: pages learn that something changed, then fetch what they lack after their
// own cursors. A catch-up also runs on every (re)connect, so what changed while the connection
// was down is fetched too; nothing polls.

const LABELS = { open: 'live', connecting: 'reconnecting…' };

/**
 * Follows a stream of 'change' events. catchUp(ids) runs with the ids of the experiments that
 * changed, or with null once the stream (re)connects, when anything may have changed. Runs never
 * overlap: what arrives during one is folded into a single next run.
 *
 * @param url the stream (/api/v1/stream or /api/v1/experiments/{id}/stream)
 * @param catchUp async function that fetches and draws what changed
 */
export function follow(url, catchUp) {
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
  const connect = () => {
    const source = new EventSource(url);
    source.addEventListener('hello', () => {
      show('open');
      request(null);
    });
    source.addEventListener('change', (event) => {
      const data = JSON.parse(event.data);
      request(data.experiments ?? [data.experiment]);
    });
    source.addEventListener('error', () => show('connecting'));
    return source;
  };
  // A page left for another may stay alive in the back/forward cache with its stream open, and
  // the browser allows six connections to a server: a few pages later, nothing loads any more.
  let source = connect();
  addEventListener('pagehide', () => {
    source.close();
    show('connecting');
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) source = connect();
  });
}
