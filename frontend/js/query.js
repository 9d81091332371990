// The trial table's state (filters, sort, page) as the address bar and the API write it. Pure.

/** What the dashboard shows when the address names nothing: newest trials first, 50 a page. */
export const DEFAULTS = Object.freeze({
  status: [],
  sequence: '',
  metric: '',
  param: [],
  sort: '-sequenceId',
  page: 0,
  size: 50,
});

export const PAGE_SIZES = [20, 50, 100, 200];

/** The sort keys the server knows, with a label for each. */
export const SORTS = {
  sequenceId: 'Trial No.',
  status: 'Status',
  finalMetric: 'Metric',
  startedAt: 'Started',
  endedAt: 'Ended',
};

/** Reads a query from URLSearchParams (the page's address), falling back to the defaults. */
export function parseQuery(params) {
  const list = (name) =>
    params
      .getAll(name)
      .flatMap((value) => (name === 'status' ? value.split(',') : [value]))
      .map((value) => value.trim())
      .filter(Boolean);
  const int = (name, fallback, min, max) => {
    const value = Number.parseInt(params.get(name) ?? '', 10);
    return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
  };
  const sort = params.get('sort') ?? DEFAULTS.sort;
  return {
    status: list('status'),
    sequence: (params.get('sequence') ?? '').trim(),
    metric: (params.get('metric') ?? '').trim(),
    param: list('param'),
    sort: SORTS[sort.replace(/^-/, '')] ? sort : DEFAULTS.sort,
    page: int('page', DEFAULTS.page, 0, 1_000_000),
    size: int('size', DEFAULTS.size, 1, 1000),
  };
}

/** The query as address parameters, leaving out what equals the defaults. */
export function toSearchParams(query, extra = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  if (query.status.length) params.set('status', query.status.join(','));
  if (query.sequence) params.set('sequence', query.sequence);
  if (query.metric) params.set('metric', query.metric);
  for (const param of query.param) params.append('param', param);
  if (query.sort !== DEFAULTS.sort) params.set('sort', query.sort);
  if (query.page !== DEFAULTS.page) params.set('page', String(query.page));
  if (query.size !== DEFAULTS.size) params.set('size', String(query.size));
  return params;
}

/** The query as the trials endpoint takes it (sort and size always given). */
export function apiQuery(query) {
  const params = toSearchParams(query);
  params.set('sort', query.sort);
  params.set('size', String(query.size));
  return params.toString();
}

/** The query with one change; any change of filter or sort goes back to the first page. */
export function withChange(query, change) {
  const next = { ...query, ...change };
  if (!('page' in change)) next.page = 0;
  return next;
}

/** The sort after clicking a column: the same column flips direction, another starts descending. */
export function nextSort(current, key) {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return key;
  return key === 'sequenceId' || key === 'finalMetric' || key === 'startedAt' || key === 'endedAt'
    ? `-${key}`
    : key;
}
