// Deleting an entry with a confirmation in the page (no browser dialog): a "Löschen" button
// that opens a panel naming the entry and what deleting does; only "Endgültig löschen" deletes,
// with the version the page shows, so that an entry someone changed meanwhile is not deleted
// unseen. A refusal of the service (an indicator still measured, a goal with sub-goals …) is
// shown in the panel in the service's words. The control keeps its own state, so a page can
// render it again without losing an open confirmation.

import type { ApiClient } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { t } from '../i18n';
import type { Collection } from '../types';

export interface DeleteControlOptions {
  api: ApiClient;
  collection: Collection;
  /** Prefix of the elements' ids (the button is `${id}-delete`). */
  id: string;
}

export interface DeleteTarget {
  id: string;
  version: number;
  name: string;
}

export class DeleteControl {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  private open = false;
  private error: unknown;
  private busy = false;
  private target: DeleteTarget | undefined;
  private onDeleted: (() => void) | undefined;

  constructor(private readonly opts: DeleteControlOptions) {
    this.button = h('button', { type: 'button', class: 'secondary', id: `${opts.id}-delete`, 'aria-expanded': 'false', 'aria-controls': `${opts.id}-delete-confirm` });
    this.button.addEventListener('click', () => {
      this.open = !this.open;
      this.error = undefined;
      this.render();
      if (this.open) this.panel.focus();
    });
    this.panel = h('div', { class: 'note delete-confirm no-print', id: `${opts.id}-delete-confirm`, role: 'group', tabindex: -1, 'aria-labelledby': `${opts.id}-delete-title`, hidden: true });
  }

  /** Points the control at the entry the page shows now; onDeleted runs after a deletion. */
  update(target: DeleteTarget, onDeleted: () => void): void {
    this.target = target;
    this.onDeleted = onDeleted;
    this.render();
  }

  private render(): void {
    const id = this.opts.id;
    this.button.textContent = t('entry.delete');
    this.button.setAttribute('aria-expanded', String(this.open));
    this.panel.hidden = !this.open;
    if (!this.open || !this.target) {
      replaceChildren(this.panel);
      return;
    }
    const target = this.target;
    replaceChildren(
      this.panel,
      h('p', { class: 'error-title', id: `${id}-delete-title` }, t('entry.deleteTitle', { name: target.name })),
      h('p', {}, t('entry.deleteText')),
      this.error !== undefined &&
        h('div', { role: 'alert', class: 'error' }, h('p', { class: 'error-title' }, t('entry.deleteFailed')), h('p', { class: 'error-detail' }, describeError(this.error))),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'danger', id: `${id}-delete-confirm-button`, 'aria-disabled': String(this.busy), onclick: () => void this.confirm() }, t('entry.deleteConfirm')),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              this.open = false;
              this.render();
              this.button.focus();
            },
          },
          t('edit.cancel'),
        ),
      ),
    );
  }

  private async confirm(): Promise<void> {
    if (this.busy || !this.target) return;
    this.busy = true;
    this.render();
    try {
      await this.opts.api.deleteNode(this.opts.collection, this.target.id, this.target.version);
      this.busy = false;
      this.open = false;
      this.onDeleted?.();
    } catch (error) {
      this.busy = false;
      this.error = error;
      this.render();
      this.panel.querySelector<HTMLElement>('[role="alert"]')?.setAttribute('tabindex', '-1');
      this.panel.querySelector<HTMLElement>('[role="alert"]')?.focus();
    }
  }
}
