// How the dashboard writes numbers, durations, statuses and times. Pure functions, no DOM; the
// server's first view (dev.tunelab.dashboard.PageFormat) follows the same rules, and both are
// tested against test/format-cases.json.

const DASH = '–';

/** A metric or parameter value: six significant digits, exponent form for tiny and huge values. */
export function formatNumber(value) {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  if (value === 0) return '0';
  const fixed = value.toPrecision(6);
  if (Math.abs(value) < 1e-4 || fixed.includes('e')) {
    const [mantissa, exponent] = value.toExponential(3).split('e');
    return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  return trimZeros(fixed);
}

function trimZeros(text) {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A parameter value as a table cell shows it: numbers formatted, text as is, objects as JSON. */
export function formatValue(value) {
  if (typeof value === 'number') return formatNumber(value);
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Seconds as people read them: 3.4s, 42s, 5m 03s, 2h 05m, 3d 04h. */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return DASH;
  const s = Math.max(0, seconds);
  if (s < 10) return `${(Math.floor(s * 10) / 10).toFixed(1)}s`;
  const whole = Math.floor(s);
  if (whole < 60) return `${whole}s`;
  const pad = (n) => String(n).padStart(2, '0');
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${pad(whole % 60)}s`;
  if (whole < 86400) return `${Math.floor(whole / 3600)}h ${pad(Math.floor((whole % 3600) / 60))}m`;
  return `${Math.floor(whole / 86400)}d ${pad(Math.floor((whole % 86400) / 3600))}h`;
}

const LABELS = {
  INITIALIZED: 'Initialized',
  RUNNING: 'Running',
  NO_MORE_TRIAL: 'No more trials',
  TUNER_NO_MORE_TRIAL: 'Tuner exhausted',
  DONE: 'Done',
  STOPPING: 'Stopping',
  STOPPED: 'Stopped',
  ERROR: 'Error',
  WAITING: 'Waiting',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  USER_CANCELED: 'Cancelled',
  SYS_CANCELED: 'System cancelled',
  EARLY_STOPPED: 'Early stopped',
};

/** An experiment or trial status in words. */
export function formatStatus(status) {
  return LABELS[status] ?? String(status ?? DASH);
}

const TONES = {
  RUNNING: 'run',
  NO_MORE_TRIAL: 'run',
  TUNER_NO_MORE_TRIAL: 'run',
  INITIALIZED: 'wait',
  WAITING: 'wait',
  STOPPING: 'wait',
  DONE: 'ok',
  SUCCEEDED: 'ok',
  ERROR: 'bad',
  FAILED: 'bad',
  STOPPED: 'off',
  USER_CANCELED: 'off',
  SYS_CANCELED: 'off',
  EARLY_STOPPED: 'off',
};

/** The colour family of a status badge: run, wait, ok, bad or off. */
export function statusTone(status) {
  return TONES[status] ?? 'off';
}

/** Whether a trial with this status still changes (may start, report or end). */
export function isLive(status) {
  return status === 'WAITING' || status === 'RUNNING';
}

/** Whether an experiment with this status is running and takes changes. */
export function isActive(status) {
  return status === 'RUNNING' || status === 'NO_MORE_TRIAL' || status === 'TUNER_NO_MORE_TRIAL';
}

/** Whether an experiment with this status can be resumed. */
export function isFinal(status) {
  return status === 'DONE' || status === 'STOPPED' || status === 'ERROR';
}

/**
 * An instant as local date and time, "2026-11-28 10:34:15"; timeZone for tests ('UTC').
 */
export function formatTime(iso, timeZone) {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** NNI's duration text ("30s", "10m", "1.5h", "2d" or a number of seconds) in seconds; null if unreadable. */
export function parseNniDuration(text) {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return text;
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2].toLowerCase()];
  return Math.ceil(Number(match[1]) * unit);
}

/**
 * How far a count or a time is through its budget.
 *
 * @returns {{text: string, fraction: number|null}} fraction null when there is no limit
 */
export function progress(used, limit, format = String) {
  if (limit === null || limit === undefined) return { text: `${format(used)} / ∞`, fraction: null };
  const fraction = limit <= 0 ? 1 : Math.min(1, used / limit);
  return { text: `${format(used)} / ${format(limit)}`, fraction };
}

/** Byte counts: 512 B, 1.5 KiB, 3.2 MiB. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1024 && unit < units.length - 1);
  return `${value.toFixed(1)} ${units[unit]}`;
}
