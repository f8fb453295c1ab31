// The dialog that merges a data duplicate (Dubletten): the reviewer picks the entry that
// stays, per differing field the value that holds, sees which relationships move, and
// confirms. A native modal <dialog>: the rest of the page is inert while it is open, Escape
// closes it, and the focus returns to the button that opened it. The choices become one
// request (views/mergemodel.ts); the service merges all or nothing.

import type { ApiClient, MergeRecord } from '../api';
import { h, replaceChildren } from '../dom';
import { t } from '../i18n';
import type { RefData } from '../refdata';
import type { Node as StoredNode, Relation } from '../types';
import { errorBox, loadingBox } from '../ui';
import { defaultChoices, fieldDiff, fieldLabel, mergeRequest, movingRelations, relationText, valueText, type Entry, type MergeKind } from './mergemodel';

const collections = { measure: 'measures', organisation: 'organisations', network: 'networks' } as const;

export interface MergeDialogOptions {
  api: ApiClient;
  refdata: RefData;
  kind: MergeKind;
  /** The two entries by id, with the titles the page shows for them. */
  a: string;
  b: string;
  titles: ReadonlyMap<string, string>;
  /** Gets the focus back when the dialog closes. */
  opener: HTMLElement;
  /** Finds the opener again when the page was drawn anew while the dialog was open. */
  findOpener?: () => HTMLElement | null;
  /** Called after the merge, with the record and the titles of the survivor and the retired entry. */
  onMerged(record: MergeRecord, survivorTitle: string, retiredTitle: string): void;
}

let dialogs = 0;

/** Opens the merge dialog for the pair. */
export function openMergeDialog(o: MergeDialogOptions): HTMLDialogElement {
  const n = ++dialogs;
  const titleId = `merge-title-${n}`;
  const body = h('div', { class: 'merge-body' }, loadingBox(t('merge.loading')));
  const dialog = h(
    'dialog',
    { class: 'merge-dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('merge.title')),
    h('p', {}, t('merge.intro')),
    body,
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    (o.opener.isConnected ? o.opener : o.findOpener?.())?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();

  const collection = collections[o.kind];
  void (async () => {
    try {
      const [a, b, relsA, relsB] = await Promise.all([
        o.api.getNode<StoredNode & Record<string, unknown>>(collection, o.a),
        o.api.getNode<StoredNode & Record<string, unknown>>(collection, o.b),
        o.api.relations(collection, o.a),
        o.api.relations(collection, o.b),
      ]);
      const region = String(a.region ?? '');
      const names = new Map<string, string>(o.titles);
      const lists = await Promise.all([
        o.refdata.organisations(region).catch(() => []),
        o.refdata.networks(region).catch(() => []),
        o.refdata.fields(region).catch(() => []),
        o.refdata.targetGroups().catch(() => []),
        o.refdata.municipalities(region).catch(() => []),
      ]);
      for (const list of lists) for (const x of list as { id: string; name: string }[]) if (!names.has(x.id)) names.set(x.id, x.name);
      show(a as unknown as Entry, b as unknown as Entry, relsA, relsB, names);
    } catch (error) {
      replaceChildren(body, errorBox(t('merge.loadFailed'), error), h('div', { class: 'merge-actions' }, cancelButton()));
    }
  })();

  function cancelButton(): HTMLButtonElement {
    return h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('merge.cancel'));
  }

  function show(a: Entry, b: Entry, relsA: Relation[], relsB: Relation[], names: Map<string, string>): void {
    const title = (e: Entry) => o.titles.get(e.id) ?? String(e.title ?? e.name ?? e.id);
    const diffs = fieldDiff(a, b);
    let survivor = a.id;
    const choices = defaultChoices(diffs, a, b, survivor);
    const fieldsEl = h('div', { class: 'merge-fields' });
    const movingEl = h('section', { class: 'merge-moving', 'aria-labelledby': `merge-moving-${n}` });
    const failure = h('div', { class: 'merge-failure' });

    const radio = (name: string, value: string, checked: boolean, label: Node | string, onChange: () => void) => {
      const id = `${name}-${value}`;
      const input = h('input', { type: 'radio', id, name, value, checked });
      input.addEventListener('change', onChange);
      return h('div', { class: 'merge-choice' }, input, h('label', { for: id }, label));
    };

    const survivorSet = h(
      'fieldset',
      { class: 'merge-survivor' },
      h('legend', {}, t('merge.survivor')),
      ...[a, b].map((e) =>
        radio(`merge-survivor-${n}`, e.id, e.id === survivor, title(e), () => {
          survivor = e.id;
          // The values chosen stay chosen: choices name entries, not roles.
          renderMoving();
        }),
      ),
    );

    function renderFields(): void {
      replaceChildren(
        fieldsEl,
        h('h3', {}, t('merge.fields')),
        diffs.length === 0
          ? h('p', { class: 'muted' }, t('merge.noFields'))
          : h(
              'div',
              {},
              ...diffs.map((d) =>
                h(
                  'fieldset',
                  { class: 'merge-field', 'data-field': d.field },
                  h('legend', {}, fieldLabel(d.field)),
                  ...[a, b].map((e) =>
                    radio(`merge-field-${n}-${d.field}`, e.id, choices.get(d.field) === e.id, h('span', {}, valueText(o.kind, d.field, e[d.field]), ' ', h('span', { class: 'muted' }, `(${title(e)})`)), () =>
                      choices.set(d.field, e.id),
                    ),
                  ),
                ),
              ),
            ),
      );
    }

    function renderMoving(): void {
      const [retired, kept, retiredRels, keptRels] = survivor === a.id ? [b.id, a.id, relsB, relsA] : [a.id, b.id, relsA, relsB];
      const moving = movingRelations(retired, kept, retiredRels, keptRels);
      const between = retiredRels.some((r) => (r.from === kept && r.to === retired) || (r.from === retired && r.to === kept));
      replaceChildren(
        movingEl,
        h('h3', { id: `merge-moving-${n}` }, t('merge.moving')),
        moving.length === 0
          ? h('p', { class: 'muted' }, t('merge.noMoving'))
          : h('ul', { class: 'plain-list' }, ...moving.map((r) => h('li', {}, relationText(r, names)))),
        between && h('p', { class: 'muted' }, t('merge.dropped')),
      );
    }

    const confirm = h('button', { type: 'button', class: 'merge-confirm' }, t('merge.confirm'));
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      replaceChildren(failure, h('p', { class: 'muted', role: 'status' }, t('merge.saving')));
      try {
        const record = await o.api.merge(mergeRequest(o.kind, a, b, survivor, choices));
        const kept = survivor === a.id ? a : b;
        const gone = survivor === a.id ? b : a;
        dialog.close();
        o.onMerged(record, title(kept), title(gone));
      } catch (error) {
        confirm.disabled = false;
        replaceChildren(failure, errorBox(t('merge.failed'), error));
      }
    });

    renderFields();
    renderMoving();
    replaceChildren(body, survivorSet, fieldsEl, movingEl, failure, h('div', { class: 'merge-actions' }, confirm, cancelButton()));
    survivorSet.querySelector<HTMLInputElement>('input')?.focus();
  }

  return dialog;
}
