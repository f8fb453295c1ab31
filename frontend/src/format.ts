// Numbers, dates and scores the way the current language writes them.

import { getLanguage } from './i18n';

function locale(): string {
  return getLanguage() === 'de' ? 'de-DE' : 'en-GB';
}

/** A whole number with thousands separators: 12.345 (de), 12,345 (en). */
export function formatInt(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

/** A number with at most `digits` decimals (default 1): 4,2 (de). */
export function formatDecimal(n: number, digits = 1): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** A share in [0, 1] as a percentage: 0.873 → 87 %. */
export function formatPercent(share: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A score in [0, 1] with two decimals: 0,95. */
export function formatScore(score: number): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/**
 * A number with exactly `digits` decimals (default 2) and a real minus sign: −1,99 (de);
 * with plus, positive numbers get a + and numbers that round to zero a ±: +6,54, ±0,00.
 */
export function formatSigned(n: number, digits = 2, plus = true): string {
  const abs = new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(n));
  if (Math.round(Math.abs(n) * 10 ** digits) === 0) return plus ? `±${abs}` : abs;
  if (n < 0) return `−${abs}`;
  return plus ? `+${abs}` : abs;
}

/** A calendar date (YYYY-MM-DD or an ISO timestamp) as 21.11.2026 (de) or 21/11/2026 (en). */
export function formatDate(value: string): string {
  const date = parseDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A timestamp with the time of day in the viewer's time zone. */
export function formatDateTime(value: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

function parseDate(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A range of two numbers with an en dash: 1,2–4,5. */
export function formatRange(low: number, high: number, digits = 1): string {
  return `${formatDecimal(low, digits)}–${formatDecimal(high, digits)}`;
}

/** Signed difference: +3, −2, ±0. */
export function formatDelta(delta: number, digits = 0): string {
  if (delta === 0) return '±0';
  const abs = digits === 0 ? formatInt(Math.abs(delta)) : formatDecimal(Math.abs(delta), digits);
  return delta > 0 ? `+${abs}` : `−${abs}`;
}

/** A file size in binary units as file managers show it: 812 B, 12,3 KB, 4,5 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatInt(n)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatDecimal(value, value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Reads a calendar date as people in Germany type it (1.7.2019, 01.07.2019) or as ISO
 * (2019-07-01) and returns YYYY-MM-DD; undefined when it is no real date.
 */
export function parseDateInput(text: string): string | undefined {
  const v = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A YYYY-MM-DD date as typed in German forms: 01.07.2019 (the input format, whatever the language). */
export function dateInput(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}
