// One change stream of every experiment for all of a browser's dashboard tabs (see live.js):
// it forwards the server's events to each tab, which keeps those of the experiments it shows.

const tabs = new Set();
let open = false;

const source = new EventSource('/api/v1/stream');
const tell = (message) => tabs.forEach((tab) => tab.postMessage(message));
source.addEventListener('hello', () => {
  open = true;
  tell({ type: 'hello' });
});
source.addEventListener('change', (event) => tell({ type: 'change', experiments: JSON.parse(event.data).experiments }));
source.addEventListener('error', () => {
  open = false;
  tell({ type: 'lost' });
});

onconnect = (event) => {
  const tab = event.ports[0];
  tabs.add(tab);
  tab.onmessage = ({ data }) => {
    if (data === 'close') tabs.delete(tab);
  };
  // A tab that joins an open stream catches up at once, as after its own stream's hello.
  tab.postMessage({ type: open ? 'hello' : 'lost' });
};
