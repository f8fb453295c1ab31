// The version conflict of every form: someone else saved the entry since the form was opened,
// so nothing was written. The box says so, lists side by side what the user typed and what is
// stored now (row by row: a field, a municipality's value …), and offers the two ways out —
// save one's own changes on top of the stored state, or take the stored state.

import { h } from '../dom';
import { t } from '../i18n';
import { scrollBox } from '../ui';

export interface ConflictRow {
  /** data-* attribute of the row, e.g. ['data-field', 'title']. */
  key: [string, string];
  label: string;
  /** The user's value, or undefined when the user did not change this row. */
  mine: string | undefined;
  stored: string;
}

export interface ConflictBoxOptions {
  /** The box's id; the buttons are `${prefix}-keep-mine` and `${prefix}-take-stored`. */
  id: string;
  prefix: string;
  title: string;
  text: string;
  /** The heading of the rows' column (Feld, Kommune). */
  rowHeading: string;
  rows: readonly ConflictRow[];
  /** Anything more to say below the table. */
  note?: string;
  keepMine: { label: string; onClick(): void };
  takeStored: { label: string; onClick(): void };
}

export function conflictBox(o: ConflictBoxOptions): HTMLElement {
  return h(
    'div',
    { role: 'alert', class: 'error conflict', id: o.id, tabindex: -1 },
    h('p', { class: 'error-title' }, o.title),
    h('p', {}, o.text),
    o.rows.length > 0 &&
      scrollBox(
        o.title,
        h(
          'table',
          { class: 'conflict-table' },
          h('caption', { class: 'visually-hidden' }, o.title),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, o.rowHeading), h('th', { scope: 'col' }, t('edit.conflictMine')), h('th', { scope: 'col' }, t('edit.conflictStored')))),
          h(
            'tbody',
            {},
            ...o.rows.map((r) =>
              h('tr', { [r.key[0]]: r.key[1] }, h('th', { scope: 'row' }, r.label), h('td', {}, r.mine === undefined ? t('edit.unchanged') : r.mine || '–'), h('td', {}, r.stored || '–')),
            ),
          ),
        ),
      ),
    o.note && h('p', {}, o.note),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: `${o.prefix}-keep-mine`, onclick: () => o.keepMine.onClick() }, o.keepMine.label),
      h('button', { type: 'button', class: 'secondary', id: `${o.prefix}-take-stored`, onclick: () => o.takeStored.onClick() }, o.takeStored.label),
    ),
  );
}
