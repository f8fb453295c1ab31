// Editing one directory entry. The form sends only the changed fields as a JSON merge patch
// with If-Match: the version it was opened with. When someone else saved in between, the
// service answers 412; the form then shows, field by field, the user's value next to the one
// now stored, and lets the user either keep theirs (saved on top of the new version) or take
// the stored state. Validation problems are shown at the fields they name.

import { Problem, type ApiClient } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { t, type MessageKey } from '../i18n';
import { cadenceLabel, measureStatuses, statusLabel } from '../labels';
import type { Collection, Node } from '../types';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  type: 'text' | 'textarea' | 'select' | 'number' | 'date' | 'url' | 'email' | 'tel';
  required?: boolean;
  options?: () => { value: string; label: string }[];
}

const cadences = ['weekly', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'irregular'];

/** The fields each kind of entry offers for editing. */
export const editSpecs: Partial<Record<Collection, FieldSpec[]>> = {
  measures: [
    { name: 'title', label: 'edit.field.title', type: 'text', required: true },
    { name: 'status', label: 'detail.status', type: 'select', required: true, options: () => measureStatuses.map((s) => ({ value: s, label: statusLabel(s) })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'starts', label: 'edit.field.starts', type: 'date' },
    { name: 'ends', label: 'edit.field.ends', type: 'date' },
    { name: 'capacity', label: 'detail.capacity', type: 'number' },
    { name: 'website', label: 'detail.website', type: 'url' },
  ],
  organisations: [
    { name: 'name', label: 'edit.field.name', type: 'text', required: true },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'website', label: 'detail.website', type: 'url' },
    { name: 'email', label: 'detail.email', type: 'email' },
    { name: 'phone', label: 'detail.phone', type: 'tel' },
  ],
  networks: [
    { name: 'name', label: 'edit.field.name', type: 'text', required: true },
    { name: 'cadence', label: 'detail.cadence', type: 'select', options: () => cadences.map((c) => ({ value: c, label: cadenceLabel(c) })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
  ],
};

type Value = string | number | null;

/** The form's text for a stored value. */
export function toInput(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** The value to send for the form's text: numbers for number fields, null for an emptied field. */
export function fromInput(spec: FieldSpec, text: string): Value {
  const v = text.trim();
  if (v === '') return null;
  if (spec.type === 'number') {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  return spec.type === 'textarea' ? text.replace(/\s+$/, '') : v;
}

/** The changed fields as a merge patch: only those whose value differs from the stored one. */
export function changes(specs: readonly FieldSpec[], stored: Record<string, unknown>, form: Record<string, string>): Record<string, Value> {
  const patch: Record<string, Value> = {};
  for (const spec of specs) {
    if (!(spec.name in form)) continue;
    const next = fromInput(spec, form[spec.name]!);
    const before = stored[spec.name] === undefined ? null : (stored[spec.name] as Value);
    if (next !== before && !(next === null && before === '')) patch[spec.name] = next;
  }
  return patch;
}

export interface EditOptions {
  api: ApiClient;
  collection: Collection;
  entity: Node & Record<string, unknown>;
  specs: FieldSpec[];
  onSaved(entity: Node): void;
  onCancel(): void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'nothing' }
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'conflict'; problem: Problem; current: Node & Record<string, unknown> }
  | { kind: 'error'; error: unknown };

export function editForm(options: EditOptions): HTMLFormElement {
  const { api, collection, specs } = options;
  let base = options.entity;
  let outcome: Outcome = { kind: 'none' };
  let busy = false;

  const form = h('form', { id: 'edit-form', class: 'edit-form', novalidate: true });
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const errorsOf = new Map<string, HTMLElement>();
  const banner = h('div', { class: 'edit-banner' });
  const save = h('button', { type: 'submit', id: 'edit-save' }, t('edit.save'));
  const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => options.onCancel() }, t('edit.cancel'));

  const fields = specs.map((spec) => {
    const id = `edit-${spec.name}`;
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (spec.type === 'textarea') input = h('textarea', { id, name: spec.name, rows: 6 });
    else if (spec.type === 'select') {
      input = h('select', { id, name: spec.name });
      if (!spec.required) input.append(h('option', { value: '' }, '–'));
      for (const o of spec.options?.() ?? []) input.append(h('option', { value: o.value }, o.label));
    } else input = h('input', { id, name: spec.name, type: spec.type === 'number' ? 'number' : spec.type, ...(spec.type === 'number' ? { min: 0, step: 1 } : {}) });
    if (spec.required) input.setAttribute('aria-required', 'true');
    input.value = toInput(base[spec.name]);
    inputs.set(spec.name, input);
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    errorsOf.set(spec.name, error);
    return h('div', { class: 'control' }, h('label', { for: id }, t(spec.label), spec.required && h('span', { 'aria-hidden': 'true' }, ' *')), input, error);
  });

  replaceChildren(
    form,
    h('h2', {}, t('edit.title')),
    h('p', { class: 'muted' }, t('edit.basedOn', { version: base.version })),
    banner,
    h('div', { class: 'edit-fields' }, ...fields),
    h('div', { class: 'actions' }, save, cancel),
  );

  function values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, input] of inputs) out[name] = input.value;
    return out;
  }

  function renderOutcome(): void {
    for (const [name, el] of errorsOf) {
      el.textContent = '';
      inputs.get(name)?.removeAttribute('aria-invalid');
      inputs.get(name)?.removeAttribute('aria-describedby');
    }
    save.setAttribute('aria-disabled', String(busy));
    switch (outcome.kind) {
      case 'none':
        replaceChildren(banner);
        return;
      case 'nothing':
        replaceChildren(banner, h('p', { role: 'status', class: 'note' }, t('edit.nothing')));
        return;
      case 'error':
        replaceChildren(
          banner,
          h('div', { role: 'alert', class: 'error' }, h('p', { class: 'error-title' }, t('edit.failed')), h('p', { class: 'error-detail' }, describeError(outcome.error))),
        );
        return;
      case 'invalid': {
        const problem = outcome.problem;
        for (const e of problem.errors ?? []) {
          const el = errorsOf.get(e.field);
          const input = inputs.get(e.field);
          if (!el || !input) continue;
          el.textContent = e.message;
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', el.id);
        }
        replaceChildren(
          banner,
          h(
            'div',
            { role: 'alert', class: 'error' },
            h('p', { class: 'error-title' }, t('edit.invalid')),
            h('p', { class: 'error-detail' }, describeError(problem)),
            (problem.errors ?? []).length > 0 &&
              h('ul', {}, ...(problem.errors ?? []).map((e) => h('li', {}, h('a', { href: `#edit-${e.field}` }, `${e.field}: ${e.message}`)))),
          ),
        );
        return;
      }
      case 'conflict': {
        const current = outcome.current;
        const mine = changes(specs, base, values());
        const rows = specs.filter((s) => s.name in mine || toInput(current[s.name]) !== toInput(base[s.name]));
        replaceChildren(
          banner,
          h(
            'div',
            { role: 'alert', class: 'error conflict', id: 'edit-conflict' },
            h('p', { class: 'error-title' }, t('edit.conflictTitle')),
            h('p', {}, t('edit.conflictText', { mine: base.version, now: current.version })),
            h('p', { class: 'error-detail' }, describeError(outcome.problem)),
            h(
              'div',
              { class: 'table-scroll' },
              h(
                'table',
                { class: 'conflict-table' },
                h('caption', { class: 'visually-hidden' }, t('edit.conflictTitle')),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('edit.conflictField')), h('th', { scope: 'col' }, t('edit.conflictMine')), h('th', { scope: 'col' }, t('edit.conflictStored')))),
                h(
                  'tbody',
                  {},
                  ...rows.map((s) =>
                    h(
                      'tr',
                      { 'data-field': s.name },
                      h('th', { scope: 'row' }, t(s.label)),
                      h('td', {}, s.name in mine ? toInput(mine[s.name]) || '–' : t('edit.unchanged')),
                      h('td', {}, toInput(current[s.name]) || '–'),
                    ),
                  ),
                ),
              ),
            ),
            h(
              'div',
              { class: 'actions' },
              h('button', { type: 'button', id: 'edit-keep-mine', onclick: () => void submit(current) }, t('edit.keepMine')),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  id: 'edit-take-stored',
                  onclick: () => {
                    base = current;
                    for (const spec of specs) inputs.get(spec.name)!.value = toInput(current[spec.name]);
                    outcome = { kind: 'none' };
                    form.querySelector('.muted')!.textContent = t('edit.basedOn', { version: base.version });
                    renderOutcome();
                    inputs.values().next().value?.focus();
                  },
                },
                t('edit.takeStored'),
              ),
            ),
          ),
        );
        return;
      }
    }
  }

  /** Saves the changes against base, or (after a conflict) against the stored version. */
  async function submit(over?: Node & Record<string, unknown>): Promise<void> {
    if (busy) return;
    const patch = changes(specs, base, values());
    if (Object.keys(patch).length === 0) {
      outcome = { kind: 'nothing' };
      renderOutcome();
      return;
    }
    busy = true;
    renderOutcome();
    const version = over?.version ?? base.version;
    try {
      const saved = await api.patchNode(collection, base.id, version, patch);
      busy = false;
      options.onSaved(saved);
      return;
    } catch (error) {
      busy = false;
      if (error instanceof Problem && error.status === 412) {
        try {
          const current = await api.getNode<Node & Record<string, unknown>>(collection, base.id);
          if (over) base = over;
          outcome = { kind: 'conflict', problem: error, current };
        } catch (reloadError) {
          outcome = { kind: 'error', error: reloadError };
        }
      } else if (error instanceof Problem && (error.status === 400 || error.status === 422)) {
        if (over) base = over;
        outcome = { kind: 'invalid', problem: error };
      } else {
        outcome = { kind: 'error', error };
      }
    }
    renderOutcome();
    banner.querySelector<HTMLElement>('[role="alert"]')?.setAttribute('tabindex', '-1');
    banner.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  return form;
}
