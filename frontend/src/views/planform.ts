// The forms of the integration concept: a concept, a Leitlinie, a goal or an indicator,
// created (POST) or edited (PATCH with If-Match, as views/entryform.ts does for the directory),
// together with the relationships the form sets as check boxes (a goal's fields of action
// through IN_FIELD, the goals an indicator measures through MEASURED_BY). Validation problems
// of the service are shown at the fields they name; when someone else saved in between (412),
// the form shows both values field by field and lets the user keep theirs or take the stored
// state. Nothing typed is lost on an error.

import { Problem, type ApiClient, type ChangeRelation } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { formatDecimal } from '../format';
import { t, type MessageKey } from '../i18n';
import type { Collection, Node, Relation } from '../types';
import type { Option } from '../ui';
import { conflictBox } from './conflict';

export type PlanFieldType = 'text' | 'textarea' | 'select' | 'number' | 'year' | 'date' | 'url' | 'checks';

export interface PlanField {
  /** The property (or, for checks, the relationship's key in the form). */
  name: string;
  label: MessageKey;
  type: PlanFieldType;
  required?: boolean;
  hint?: MessageKey;
  /** Choices of a select or of check boxes. */
  options?: readonly Option[];
  /** For checks: the relationship each ticked option stands for; self is this node's end. */
  relation?: { type: string; self: 'from' | 'to' };
  /** Shown only when this returns true for the form's current values (e.g. target_upper for ranges). */
  visible?: (values: FormValues) => boolean;
  /** For structured values typed as text (a concept's periods): how to show and read them. */
  codec?: Codec;
}

/** Turns a structured value into the text of a field and back. */
export interface Codec {
  format(value: unknown): string;
  /** The value for the text (empty text included), or the problem with it. */
  parse(text: string): { value: unknown } | { error: MessageKey };
}

/** The form's values: text per field, the ticked options for check boxes. */
export type FormValues = Record<string, string | string[]>;

type Scalar = unknown;

/**
 * Reads a number as people type it: 31,5 and 31.5 are the same; with both separators the
 * last one is the decimal mark (1.234,5 or 1,234.5). Spaces are ignored. NaN when it is none.
 */
export function parseNumber(text: string): number {
  let v = text.replace(/[\s\u00a0\u202f]/g, '');
  if (v === '') return Number.NaN;
  const comma = v.lastIndexOf(',');
  const dot = v.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    v = v.split(group).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    v = v.replace(',', '.');
  }
  if (!/^[-+−]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return Number.NaN;
  return Number(v.replace('−', '-'));
}

/** A number as the form shows it: German decimal comma, no thousands separators. */
export function numberInput(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return formatDecimal(value, 6).replace(/[.\u00a0\u202f](?=\d{3}(\D|$))/g, '');
}

/** The text a field shows for a stored value. */
export function inputOf(field: PlanField, value: unknown): string {
  if (field.codec) return field.codec.format(value);
  if (value === undefined || value === null) return '';
  if (field.type === 'number') return numberInput(value);
  if (field.type === 'year') return typeof value === 'number' && value !== 0 ? String(value) : '';
  return String(value);
}

/** The value to send for a field's text, or a client-side problem (a number that is none). */
export function valueOf(field: PlanField, text: string): { value: Scalar } | { error: MessageKey } {
  if (field.codec) return field.codec.parse(text);
  const v = text.trim();
  if (v === '') return { value: null };
  if (field.type === 'number') {
    const n = parseNumber(v);
    return Number.isFinite(n) ? { value: n } : { error: 'plan.error.number' };
  }
  if (field.type === 'year') {
    return /^\d{4}$/.test(v) ? { value: Number(v) } : { error: 'plan.error.year' };
  }
  return { value: field.type === 'textarea' ? text.replace(/\s+$/, '') : v };
}

/** True when a form value and a stored value are the same (absent, empty and, for years, 0 are one). */
function same(field: PlanField, a: unknown, b: unknown): boolean {
  const empty = (x: unknown) => x === undefined || x === null || x === '' || (field.type === 'year' && x === 0) || (Array.isArray(x) && x.length === 0);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/**
 * The merge patch of a form against the stored node: the changed scalar fields (null for an
 * emptied one), and the client-side problems by field.
 */
export function formPatch(fields: readonly PlanField[], stored: Record<string, unknown>, values: FormValues): { patch: Record<string, Scalar>; problems: Record<string, MessageKey> } {
  const patch: Record<string, Scalar> = {};
  const problems: Record<string, MessageKey> = {};
  for (const f of fields) {
    if (f.type === 'checks') continue;
    const text = values[f.name];
    if (typeof text !== 'string') continue;
    const hidden = f.visible && !f.visible(values);
    const parsed = hidden ? { value: null } : valueOf(f, text);
    if ('error' in parsed) {
      problems[f.name] = parsed.error;
      continue;
    }
    if (!same(f, parsed.value, stored[f.name])) patch[f.name] = parsed.value;
  }
  return { patch, problems };
}

/** The relationships to add and remove so that the ticked options become the stored ones. */
export function relationChanges(selfId: string, field: PlanField, current: readonly string[], wanted: readonly string[]): { add: Relation[]; remove: Relation[] } {
  const rel = field.relation!;
  const make = (other: string): Relation => (rel.self === 'from' ? { type: rel.type, from: selfId, to: other } : { type: rel.type, from: other, to: selfId });
  return {
    add: wanted.filter((x) => !current.includes(x)).map(make),
    remove: current.filter((x) => !wanted.includes(x)).map(make),
  };
}

/** The other ends of a node's relationships of one kind, from the node's side. */
export function relatedIds(selfId: string, field: PlanField, relations: readonly Relation[]): string[] {
  const rel = field.relation!;
  return relations.filter((r) => r.type === rel.type && (rel.self === 'from' ? r.from === selfId : r.to === selfId)).map((r) => (rel.self === 'from' ? r.to : r.from));
}

export interface PlanFormOptions {
  api: ApiClient;
  collection: Collection;
  /** The form's id; the fields' ids start with it. */
  id: string;
  title: string;
  fields: PlanField[];
  /** The node to edit; a new one is created without. */
  entity?: (Node & Record<string, unknown>) | undefined;
  /** The node's relationships (edit). */
  relations?: Relation[] | undefined;
  /** Properties a new node gets besides the form's (region, concept, …). */
  fixed?: Record<string, unknown>;
  /** Preset values of a new node's fields. */
  preset?: FormValues;
  onSaved(entity: Node & Record<string, unknown>): void;
  onCancel(): void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'nothing' }
  | { kind: 'local' }
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'conflict'; problem: Problem; current: Node & Record<string, unknown> }
  | { kind: 'error'; error: unknown };

/** A create or edit form for one node of the concept. */
export function planForm(options: PlanFormOptions): HTMLFormElement {
  const { api, collection, fields } = options;
  let base = options.entity;
  let related = options.relations ?? [];
  let outcome: Outcome = { kind: 'none' };
  let local: Record<string, MessageKey> = {};
  let busy = false;
  // The form field each relationship of the last change set came from, to place its problems.
  let origins: { relate: string[]; unrelate: string[] } = { relate: [], unrelate: [] };
  const fid = options.id;

  const form = h('form', { id: fid, class: 'edit-form plan-form', novalidate: true });
  const version = h('p', { class: 'muted' });
  const banner = h('div', { class: 'edit-banner' });
  const save = h('button', { type: 'submit', id: `${fid}-save` }, t(base ? 'edit.save' : 'plan.create'));
  const cancel = h('button', { type: 'button', class: 'secondary', id: `${fid}-cancel`, onclick: () => options.onCancel() }, t('edit.cancel'));

  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const checks = new Map<string, HTMLInputElement[]>();
  const errorsOf = new Map<string, HTMLElement>();
  const wraps = new Map<string, HTMLElement>();

  const controls = fields.map((f) => {
    const id = `${fid}-${f.name}`;
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    errorsOf.set(f.name, error);
    const hint = f.hint ? h('p', { class: 'hint', id: `${id}-hint` }, t(f.hint)) : null;
    const star = f.required && h('span', { 'aria-hidden': 'true' }, ' *');
    let wrap: HTMLElement;
    if (f.type === 'checks') {
      const boxes = (f.options ?? []).map((o, i) => h('input', { type: 'checkbox', id: `${id}-${i}`, name: f.name, value: o.value }));
      const wanted = base ? relatedIds(base.id, f, related) : toList(options.preset?.[f.name]);
      for (const b of boxes) b.checked = wanted.includes(b.value);
      checks.set(f.name, boxes);
      wrap = h(
        'fieldset',
        { class: 'control checks', id, 'aria-describedby': hint ? `${id}-hint` : undefined },
        h('legend', {}, t(f.label)),
        hint,
        (f.options ?? []).length === 0 ? h('p', { class: 'muted' }, t('plan.noChoices')) : h('ul', { class: 'check-list' }, ...boxes.map((b, i) => h('li', {}, b, h('label', { for: b.id }, f.options![i]!.label)))),
        error,
      );
    } else {
      let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (f.type === 'textarea') input = h('textarea', { id, name: f.name, rows: 4 });
      else if (f.type === 'select') {
        input = h('select', { id, name: f.name });
        if (!f.required) input.append(h('option', { value: '' }, t('plan.none')));
        for (const o of f.options ?? []) input.append(h('option', { value: o.value }, o.label));
      } else if (f.type === 'number') input = h('input', { id, name: f.name, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      else if (f.type === 'year') input = h('input', { id, name: f.name, type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 4, class: 'year-input' });
      else input = h('input', { id, name: f.name, type: f.type, ...(f.type === 'date' ? { lang: 'de' } : {}) });
      if (f.required) input.setAttribute('aria-required', 'true');
      if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
      input.value = base ? inputOf(f, base[f.name]) : toText(options.preset?.[f.name]);
      input.addEventListener('change', () => applyVisibility());
      inputs.set(f.name, input);
      wrap = h('div', { class: 'control' }, h('label', { for: id }, t(f.label), star), hint, input, error);
    }
    wraps.set(f.name, wrap);
    return wrap;
  });

  replaceChildren(form, h('h2', {}, options.title), version, banner, h('div', { class: 'edit-fields' }, ...controls), h('div', { class: 'actions' }, save, cancel));
  renderVersion();
  applyVisibility();

  function renderVersion(): void {
    version.textContent = base ? t('edit.basedOn', { version: base.version }) : t('plan.required');
  }

  function values(): FormValues {
    const out: FormValues = {};
    for (const [name, input] of inputs) out[name] = input.value;
    for (const [name, boxes] of checks) out[name] = boxes.filter((b) => b.checked).map((b) => b.value);
    return out;
  }

  function applyVisibility(): void {
    const v = values();
    for (const f of fields) if (f.visible) wraps.get(f.name)!.hidden = !f.visible(v);
  }

  function markField(name: string, message: string): boolean {
    const el = errorsOf.get(name);
    if (!el) return false;
    el.textContent = message;
    const input = inputs.get(name);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', el.id);
    } else {
      wraps.get(name)?.setAttribute('aria-describedby', el.id);
    }
    return true;
  }

  function clearMarks(): void {
    for (const [name, el] of errorsOf) {
      el.textContent = '';
      const input = inputs.get(name);
      input?.removeAttribute('aria-invalid');
      const f = fields.find((x) => x.name === name);
      if (input) {
        if (f?.hint) input.setAttribute('aria-describedby', `${fid}-${name}-hint`);
        else input.removeAttribute('aria-describedby');
      }
    }
  }

  function alert(...children: (HTMLElement | string | false | null | undefined)[]): HTMLElement {
    return h('div', { role: 'alert', class: 'error', tabindex: -1 }, ...children);
  }

  /** The form field a problem names: its own, or the check boxes a relationship came from ("relate[1].to"). */
  function fieldOfProblem(field: string): string | undefined {
    const m = /^(relate|unrelate)\[(\d+)\]/.exec(field);
    if (m) return origins[m[1] as 'relate' | 'unrelate'][Number(m[2])];
    return fields.find((f) => field === f.name || field.startsWith(`${f.name}[`) || field.startsWith(`${f.name}.`))?.name;
  }

  function labelOf(name: string): string {
    const f = fields.find((x) => x.name === name || name.startsWith(`${x.name}[`) || name.startsWith(`${x.name}.`));
    return f ? t(f.label) : name;
  }

  function renderOutcome(): void {
    clearMarks();
    save.setAttribute('aria-disabled', String(busy));
    save.textContent = t(base ? 'edit.save' : 'plan.create');
    switch (outcome.kind) {
      case 'none':
        replaceChildren(banner);
        return;
      case 'nothing':
        replaceChildren(banner, h('p', { role: 'status', class: 'note' }, t('edit.nothing')));
        return;
      case 'local':
        for (const [name, key] of Object.entries(local)) markField(name, t(key));
        replaceChildren(banner, alert(h('p', { class: 'error-title' }, t('edit.invalid'))));
        return;
      case 'error':
        replaceChildren(banner, alert(h('p', { class: 'error-title' }, t('edit.failed')), h('p', { class: 'error-detail' }, describeError(outcome.error))));
        return;
      case 'invalid': {
        const problem = outcome.problem;
        const unplaced: string[] = [];
        for (const e of problem.errors ?? []) {
          const name = fieldOfProblem(e.field);
          if (!name || !markField(name, e.message)) unplaced.push(`${e.field}: ${e.message}`);
        }
        replaceChildren(
          banner,
          alert(
            h('p', { class: 'error-title' }, t('edit.invalid')),
            h('p', { class: 'error-detail' }, describeError(problem)),
            (problem.errors ?? []).length > 0 &&
              h(
                'ul',
                {},
                ...(problem.errors ?? []).map((e) => {
                  const f = fields.find((x) => x.name === fieldOfProblem(e.field));
                  return h('li', {}, f ? h('a', { href: `#${fid}-${f.name}` }, `${labelOf(f.name)}: ${e.message}`) : `${e.field}: ${e.message}`);
                }),
              ),
          ),
        );
        return;
      }
      case 'conflict': {
        const current = outcome.current;
        const { patch: mine } = formPatch(fields, base ?? {}, values());
        const rows = fields.filter((f) => f.type !== 'checks' && (f.name in mine || !same(f, current[f.name], base?.[f.name])));
        replaceChildren(
          banner,
          conflictBox({
            id: `${fid}-conflict`,
            prefix: fid,
            title: t('edit.conflictTitle'),
            text: t('edit.conflictText', { mine: base?.version ?? 0, now: current.version }),
            rowHeading: t('edit.conflictField'),
            rows: rows.map((f) => ({ key: ['data-field', f.name], label: t(f.label), mine: f.name in mine ? inputOf(f, mine[f.name]) : undefined, stored: inputOf(f, current[f.name]) })),
            keepMine: { label: t('edit.keepMine'), onClick: () => void submit(current) },
            takeStored: {
              label: t('edit.takeStored'),
              onClick: () => {
                base = current;
                for (const f of fields) {
                  const input = inputs.get(f.name);
                  if (input) input.value = inputOf(f, current[f.name]);
                }
                outcome = { kind: 'none' };
                renderVersion();
                renderOutcome();
                applyVisibility();
                inputs.values().next().value?.focus();
              },
            },
          }),
        );
        return;
      }
    }
  }

  /** The relationships to add and remove for the ticked options, with the field each comes from. */
  function relationSet(id: string, wanted: FormValues): { relate: ChangeRelation[]; unrelate: ChangeRelation[]; origins: { relate: string[]; unrelate: string[] } } {
    const out = { relate: [] as ChangeRelation[], unrelate: [] as ChangeRelation[], origins: { relate: [] as string[], unrelate: [] as string[] } };
    const self = (x: string) => (x === id ? 'self' : x);
    for (const f of fields) {
      if (f.type !== 'checks' || !f.relation) continue;
      const { add, remove } = relationChanges(id, f, base ? relatedIds(id, f, related) : [], toList(wanted[f.name]));
      for (const r of add) {
        out.relate.push({ type: r.type, from: self(r.from), to: self(r.to) });
        out.origins.relate.push(f.name);
      }
      for (const r of remove) {
        out.unrelate.push({ type: r.type, from: self(r.from), to: self(r.to) });
        out.origins.unrelate.push(f.name);
      }
    }
    return out;
  }

  function relationsChanged(id: string, wanted: FormValues): boolean {
    return fields.some((f) => {
      if (f.type !== 'checks' || !f.relation) return false;
      const { add, remove } = relationChanges(id, f, relatedIds(id, f, related), toList(wanted[f.name]));
      return add.length + remove.length > 0;
    });
  }

  /** Creates the node, or saves the changes against base (after a conflict: against over). */
  async function submit(over?: Node & Record<string, unknown>): Promise<void> {
    if (busy) return;
    const v = values();
    const { patch, problems } = formPatch(fields, base ?? {}, v);
    local = problems;
    for (const f of fields) {
      if (f.required && f.type !== 'checks' && (f.visible?.(v) ?? true) && typeof v[f.name] === 'string' && (v[f.name] as string).trim() === '' && !local[f.name]) local[f.name] = 'plan.error.required';
    }
    if (Object.keys(local).length > 0) {
      outcome = { kind: 'local' };
      renderOutcome();
      focusBanner();
      return;
    }
    if (base && Object.keys(patch).length === 0 && !relationsChanged(base.id, v)) {
      outcome = { kind: 'nothing' };
      renderOutcome();
      return;
    }
    busy = true;
    renderOutcome();
    try {
      // The node and its relationships are one change: written together or not at all.
      const rels = relationSet(base?.id ?? NEW_ID, v);
      origins = rels.origins;
      const kind = kindOfCollection[collection] ?? collection;
      let saved: Node & Record<string, unknown>;
      if (!base) {
        const body: Record<string, unknown> = { ...(options.fixed ?? {}) };
        for (const [k, val] of Object.entries(patch)) if (val !== null && !(Array.isArray(val) && val.length === 0)) body[k] = val;
        ({ node: saved } = await api.change<Node & Record<string, unknown>>({ kind, node: body, relate: rels.relate }));
      } else {
        ({ node: saved, relations: related } = await api.change<Node & Record<string, unknown>>({
          kind,
          id: base.id,
          version: over?.version ?? base.version,
          ...(Object.keys(patch).length > 0 ? { node: patch } : {}),
          relate: rels.relate,
          unrelate: rels.unrelate,
        }));
      }
      base = saved;
      renderVersion();
      busy = false;
      options.onSaved(saved);
      return;
    } catch (error) {
      busy = false;
      if (error instanceof Problem && error.status === 412 && base) {
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
    focusBanner();
  }

  function focusBanner(): void {
    banner.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  return form;
}

/** Stands for a new node's id in its change set until the service assigns one. */
const NEW_ID = 'self';

/** The kind the change route names each planning collection's nodes by. */
const kindOfCollection: Partial<Record<Collection, string>> = { concepts: 'concept', guidelines: 'guideline', goals: 'goal', indicators: 'indicator' };

function toList(v: string | string[] | undefined): string[] {
  return Array.isArray(v) ? v : v ? [v] : [];
}

function toText(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}
