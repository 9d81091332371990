import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, apiQuery, nextSort, parseQuery, toSearchParams, withChange } from '../js/query.js';

test('an empty address gives the defaults', () => {
  assert.deepEqual(parseQuery(new URLSearchParams('')), { ...DEFAULTS });
});

test('the address round-trips and leaves defaults out', () => {
  const query = parseQuery(
    new URLSearchParams('status=RUNNING,WAITING&param=lr:0.1&param=opt:adam&sort=finalMetric&page=3&size=20&metric=0.5..'),
  );
  assert.deepEqual(query.status, ['RUNNING', 'WAITING']);
  assert.deepEqual(query.param, ['lr:0.1', 'opt:adam']);
  assert.equal(query.sort, 'finalMetric');
  assert.equal(query.page, 3);
  assert.equal(query.size, 20);
  assert.equal(query.metric, '0.5..');
  assert.deepEqual(parseQuery(toSearchParams(query)), query);
  assert.equal(toSearchParams(DEFAULTS).toString(), '');
  assert.equal(toSearchParams(DEFAULTS, { tab: 'charts' }).toString(), 'tab=charts');
});

test('nonsense in the address falls back to the defaults', () => {
  const query = parseQuery(new URLSearchParams('sort=bogus&page=-1&size=5000'));
  assert.equal(query.sort, DEFAULTS.sort);
  assert.equal(query.page, 0);
  assert.equal(query.size, DEFAULTS.size);
});

test('the API always gets a sort and a size', () => {
  assert.equal(apiQuery(DEFAULTS), 'sort=-sequenceId&size=50');
  const query = withChange(DEFAULTS, { status: ['FAILED'], param: ['a b:c&d'] });
  assert.equal(apiQuery(query), 'status=FAILED&param=a+b%3Ac%26d&sort=-sequenceId&size=50');
});

test('changing a filter or the sort goes back to the first page; paging does not', () => {
  const onPage3 = withChange(DEFAULTS, { page: 3 });
  assert.equal(onPage3.page, 3);
  assert.equal(withChange(onPage3, { sort: 'status' }).page, 0);
  assert.equal(withChange(onPage3, { size: 100 }).page, 0);
});

test('clicking a column sorts by it, and again flips the direction', () => {
  assert.equal(nextSort('-sequenceId', 'sequenceId'), 'sequenceId');
  assert.equal(nextSort('sequenceId', 'sequenceId'), '-sequenceId');
  assert.equal(nextSort('-sequenceId', 'finalMetric'), '-finalMetric');
  assert.equal(nextSort('-finalMetric', 'status'), 'status');
});
