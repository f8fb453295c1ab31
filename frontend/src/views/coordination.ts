// A parallel offer whose providers were asked to coordinate by a due date ("Abstimmung
// angestoßen"): the due date as typed in Dubletten, the words that mark the pair there, and
// the pair's address, which the Steuerung's list of running coordinations links to.

import { formatDate, parseDateInput } from '../format';
import { t } from '../i18n';

/** Today as YYYY-MM-DD in the browser's time zone. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The due date typed in the form (31.12.2026, 1.3.2027 or 2026-12-31) as YYYY-MM-DD, or
 * undefined when it is no real date or lies before today: the service refuses a past day.
 */
export function parseDue(text: string, today: Date): string | undefined {
  const iso = parseDateInput(text);
  return iso && iso >= isoDay(today) ? iso : undefined;
}

/** What a pair under coordination shows: until when, or that the day has passed. */
export function coordinationText(due: string, overdue: boolean): string {
  return t(overdue ? 'dubletten.coordinatingOverdue' : 'dubletten.coordinating', { date: formatDate(due) });
}

/** The element id of a pair of offers in Dubletten, which the Steuerung links to (#dup-pair-a-b). */
export function coordinationAnchor(a: string, b: string): string {
  return `dup-pair-${a < b ? `${a}-${b}` : `${b}-${a}`}`;
}
