// Small DOM helpers shared by the pages. No framework: the pages draw a few hundred elements.

import { formatStatus, statusTone } from './format.js';

/**
 * An element: h('td', {class: 'num', dataset: {col: 'metric'}}, 'text', childNode).
 * Attributes that are null, undefined or false are left out; children that are null are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces an element's children, skipping null ones (replaceChildren would write "null"). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}

/** A status badge, as fragments.html's badge. */
export function badge(status) {
  return h('span', { class: `badge tone-${statusTone(status)}`, dataset: { col: 'status' } }, formatStatus(status));
}

/** A budget bar, as fragments.html's bar; null when there is no limit. */
export function bar(fraction) {
  if (fraction === null || fraction === undefined) return null;
  return h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${fraction * 100}%` }));
}

/** The JSON the server embedded in the page for its script. */
export function initialData() {
  return JSON.parse(document.getElementById('initial').textContent);
}

/** Rewrites every <time datetime> in the browser's time zone (the server wrote its own). */
export function localTimes(root, format) {
  for (const time of root.querySelectorAll('time[datetime]')) {
    time.textContent = format(time.getAttribute('datetime'));
  }
}
