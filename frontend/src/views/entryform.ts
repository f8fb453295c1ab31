// The form that creates or edits a directory entry — an offer (measure), an organisation, a
// network or a person (actor) — with all its relationships: fields of action, target groups, municipalities,
// providers with their role, memberships with role and since, cooperations, goals. Long lists
// are picked with the searchable multi-select (multiselect.ts); dates are typed the German
// way (TT.MM.JJJJ). Saving sends one change set (POST /changes): the entry's fields and the
// relationships it gains and loses are written together or not at all, against the version
// the form was opened with. The service's problems are shown at the fields they name
// (relationships included); when someone else saved in between (412), the form compares the
// fields and lets the user keep theirs or take the stored state. Nothing typed is lost.

import { Problem, type ApiClient, type ChangeRelation } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { dateInput, parseDateInput } from '../format';
import { t, type MessageKey } from '../i18n';
import {
  cadenceLabel,
  formatLabel,
  languageName,
  levelLabel,
  measureStatuses,
  networkKindLabel,
  networkKinds,
  networkLevelLabel,
  organisationKinds,
  orgKindLabel,
  statusLabel,
} from '../labels';
import { MultiSelect, propText, type Choice, type Picked, type PropSpec } from '../multiselect';
import type { Collection, Node, Relation } from '../types';
import { conflictBox } from './conflict';
import { inputOf, parseNumber } from './planform';
import { searchLanguages } from './verzeichnis';

/** The collections the form serves. */
export type EntryCollection = 'measures' | 'organisations' | 'networks' | 'actors';

/** The kind the API names each collection's entries by. */
export const kindOf: Record<EntryCollection, string> = { measures: 'measure', organisations: 'organisation', networks: 'network', actors: 'actor' };

export type ScalarType = 'text' | 'textarea' | 'select' | 'number' | 'integer' | 'date' | 'url' | 'email' | 'tel' | 'languages' | 'checkbox';

export interface ScalarSpec {
  name: string;
  label: MessageKey;
  type: ScalarType;
  required?: boolean;
  options?: () => { value: string; label: string }[];
}

/** What a relationship's other end is chosen from. */
export type ChoiceSource = 'fields' | 'groups' | 'municipalities' | 'organisations' | 'networks' | 'goals';

export interface RelSpec {
  /** The widget's name in the form. */
  key: string;
  label: MessageKey;
  type: string;
  /** Which end the entry is. Symmetric relationships are found at either end. */
  self: 'from' | 'to';
  symmetric?: boolean;
  source: ChoiceSource;
  /** The id prefix of the other end: relationships to other kinds (an actor's membership) are left alone. */
  otherPrefix: string;
  props?: () => PropSpec[];
  hint?: MessageKey;
}

const cadences = ['weekly', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'irregular'];
const formats = ['in_person', 'online', 'hybrid'];
const visibility = () => [
  { value: 'public', label: t('detail.public') },
  { value: 'internal', label: t('detail.internal') },
];

export const scalarSpecs: Record<EntryCollection, ScalarSpec[]> = {
  measures: [
    { name: 'title', label: 'edit.field.title', type: 'text', required: true },
    { name: 'status', label: 'detail.status', type: 'select', required: true, options: () => measureStatuses.map((s) => ({ value: s, label: statusLabel(s) })) },
    { name: 'level', label: 'detail.level', type: 'select', required: true, options: () => ['operational', 'strategic'].map((s) => ({ value: s, label: levelLabel(s) })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'starts', label: 'edit.field.starts', type: 'date' },
    { name: 'ends', label: 'edit.field.ends', type: 'date' },
    { name: 'format', label: 'detail.format', type: 'select', options: () => formats.map((f) => ({ value: f, label: formatLabel(f) })) },
    { name: 'languages', label: 'detail.languages', type: 'languages' },
    { name: 'cost', label: 'entry.field.cost', type: 'number' },
    { name: 'capacity', label: 'detail.capacity', type: 'integer' },
    { name: 'programme', label: 'detail.programme', type: 'text' },
    { name: 'website', label: 'detail.website', type: 'url' },
    { name: 'visibility', label: 'detail.visibility', type: 'select', required: true, options: visibility },
  ],
  organisations: [
    { name: 'name', label: 'edit.field.name', type: 'text', required: true },
    { name: 'kind', label: 'detail.kind', type: 'select', required: true, options: () => organisationKinds.map((k) => ({ value: k, label: orgKindLabel(k) })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'street', label: 'entry.field.street', type: 'text' },
    { name: 'postal_code', label: 'entry.field.postalCode', type: 'text' },
    { name: 'city', label: 'entry.field.city', type: 'text' },
    { name: 'website', label: 'detail.website', type: 'url' },
    { name: 'email', label: 'detail.email', type: 'email' },
    { name: 'phone', label: 'detail.phone', type: 'tel' },
    { name: 'visibility', label: 'detail.visibility', type: 'select', required: true, options: visibility },
  ],
  networks: [
    { name: 'name', label: 'edit.field.name', type: 'text', required: true },
    { name: 'kind', label: 'detail.kind', type: 'select', required: true, options: () => networkKinds.map((k) => ({ value: k, label: networkKindLabel(k) })) },
    { name: 'level', label: 'detail.networkLevel', type: 'select', required: true, options: () => ['county', 'municipal'].map((k) => ({ value: k, label: networkLevelLabel(k) })) },
    { name: 'cadence', label: 'detail.cadence', type: 'select', options: () => cadences.map((c) => ({ value: c, label: cadenceLabel(c) })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'visibility', label: 'detail.visibility', type: 'select', required: true, options: visibility },
  ],
  actors: [
    { name: 'name', label: 'edit.field.name', type: 'text', required: true },
    { name: 'role', label: 'entry.field.function', type: 'text' },
    { name: 'email', label: 'detail.email', type: 'email' },
    { name: 'phone', label: 'detail.phone', type: 'tel' },
    { name: 'consent', label: 'entry.field.consent', type: 'checkbox' },
    { name: 'visibility', label: 'detail.visibility', type: 'select', required: true, options: visibility },
  ],
};

const providerRoles = (): PropSpec[] => [
  { name: 'role', label: t('entry.prop.providerRole'), type: 'select', options: ['lead', 'partner'].map((r) => ({ value: r, label: t(`entry.providerRole.${r}` as MessageKey) })) },
];
const membership = (): PropSpec[] => [
  { name: 'role', label: t('entry.prop.role'), type: 'text' },
  { name: 'since', label: t('entry.prop.since'), type: 'date' },
];
const cooperation = (): PropSpec[] => [
  { name: 'since', label: t('entry.prop.since'), type: 'date' },
  { name: 'note', label: t('entry.prop.note'), type: 'text' },
];

export const relSpecs: Record<EntryCollection, RelSpec[]> = {
  measures: [
    { key: 'providers', label: 'detail.providers', type: 'PROVIDES', self: 'to', source: 'organisations', otherPrefix: 'org_', props: providerRoles },
    { key: 'fields', label: 'detail.fields', type: 'IN_FIELD', self: 'from', source: 'fields', otherPrefix: 'fld_' },
    { key: 'groups', label: 'detail.groups', type: 'TARGETS', self: 'from', source: 'groups', otherPrefix: 'tgr_' },
    { key: 'municipalities', label: 'detail.municipalities', type: 'OFFERED_IN', self: 'from', source: 'municipalities', otherPrefix: '' },
    { key: 'goals', label: 'detail.goals', type: 'PURSUES', self: 'from', source: 'goals', otherPrefix: 'gol_' },
  ],
  organisations: [
    { key: 'municipalities', label: 'detail.activeIn', type: 'ACTIVE_IN', self: 'from', source: 'municipalities', otherPrefix: '' },
    { key: 'networks', label: 'detail.memberOf', type: 'MEMBER_OF', self: 'from', source: 'networks', otherPrefix: 'net_', props: membership },
    { key: 'partners', label: 'detail.cooperations', type: 'COOPERATES_WITH', self: 'from', symmetric: true, source: 'organisations', otherPrefix: 'org_', props: cooperation },
  ],
  actors: [
    { key: 'employers', label: 'entry.rel.worksFor', type: 'WORKS_FOR', self: 'from', source: 'organisations', otherPrefix: 'org_', props: () => [{ name: 'role', label: t('entry.prop.role'), type: 'text' }] },
    { key: 'networks', label: 'detail.memberOf', type: 'MEMBER_OF', self: 'from', source: 'networks', otherPrefix: 'net_', props: membership },
  ],
  networks: [
    { key: 'members', label: 'entry.rel.members', type: 'MEMBER_OF', self: 'to', source: 'organisations', otherPrefix: 'org_', props: membership },
    { key: 'fields', label: 'detail.worksOn', type: 'WORKS_ON', self: 'from', source: 'fields', otherPrefix: 'fld_' },
    { key: 'municipalities', label: 'detail.covers', type: 'COVERS', self: 'from', source: 'municipalities', otherPrefix: '' },
  ],
};

/** True when id is an end a spec handles (municipalities have no prefix: eight digits). */
function ofSpec(spec: RelSpec, id: string): boolean {
  return spec.otherPrefix ? id.startsWith(spec.otherPrefix) : /^\d{8}$/.test(id);
}

/** The other ends of the entry's relationships of one spec, with their properties as the form shows them. */
export function storedPicked(selfId: string, spec: RelSpec, relations: readonly Relation[]): Picked[] {
  const out: Picked[] = [];
  for (const r of relations) {
    if (r.type !== spec.type) continue;
    let other: string | undefined;
    if ((spec.self === 'from' || spec.symmetric) && r.from === selfId) other = r.to;
    else if ((spec.self === 'to' || spec.symmetric) && r.to === selfId) other = r.from;
    if (!other || !ofSpec(spec, other)) continue;
    const props: Record<string, string> = {};
    for (const p of spec.props?.() ?? []) props[p.name] = propText(p.name, r.props?.[p.name]);
    out.push({ value: other, props });
  }
  return out;
}

/** A problem the form finds before sending: which relationship's which property. */
export interface LocalProblem {
  key: string;
  value?: string;
  prop?: string;
  message: MessageKey;
}

/** Where each relationship of a change set came from, to place the service's problems. */
export interface RelOrigin {
  key: string;
  value: string;
}

/**
 * The relationships to add (or whose properties changed) and to remove so that the picked
 * entries become the stored ones; the entry is named "self". Dates typed as TT.MM.JJJJ
 * are sent as YYYY-MM-DD; one that is no date is a problem.
 */
export function relationChangeSet(
  spec: RelSpec,
  stored: readonly Picked[],
  picked: readonly Picked[],
): { relate: ChangeRelation[]; unrelate: ChangeRelation[]; problems: LocalProblem[] } {
  const relate: ChangeRelation[] = [];
  const unrelate: ChangeRelation[] = [];
  const problems: LocalProblem[] = [];
  const make = (other: string): ChangeRelation => (spec.self === 'from' ? { type: spec.type, from: 'self', to: other } : { type: spec.type, from: other, to: 'self' });
  const before = new Map(stored.map((p) => [p.value, p.props]));
  for (const p of picked) {
    const props: Record<string, string> = {};
    for (const [name, raw] of Object.entries(p.props)) {
      const text = raw.trim();
      if (!text) continue;
      if (name === 'since') {
        const iso = parseDateInput(text);
        if (!iso) {
          problems.push({ key: spec.key, value: p.value, prop: name, message: 'entry.error.date' });
          continue;
        }
        props[name] = iso;
      } else props[name] = text;
    }
    const old = before.get(p.value);
    const same =
      old !== undefined &&
      Object.keys({ ...props, ...old }).every((k) => (k === 'since' ? (parseDateInput(old[k] ?? '') ?? '') === (props[k] ?? '') : (old[k] ?? '').trim() === (props[k] ?? '')));
    if (!same) relate.push({ ...make(p.value), ...(Object.keys(props).length > 0 ? { props } : {}) });
  }
  const now = new Set(picked.map((p) => p.value));
  for (const p of stored) if (!now.has(p.value)) unrelate.push(make(p.value));
  return { relate, unrelate, problems };
}

/** The text a scalar field shows for a stored value. */
export function scalarText(spec: ScalarSpec, value: unknown): string {
  if (spec.type === 'checkbox') return value === true ? 'true' : '';
  if (value === undefined || value === null) return '';
  if (spec.type === 'date') return dateInput(String(value));
  if (spec.type === 'number' || spec.type === 'integer') return inputOf({ name: spec.name, label: spec.label, type: 'number' }, value);
  return String(value);
}

/** The value to send for a scalar field's text, or the problem with it. */
export function scalarValue(spec: ScalarSpec, text: string): { value: unknown } | { error: MessageKey } {
  if (spec.type === 'checkbox') return { value: text === 'true' };
  const v = text.trim();
  if (v === '') return { value: null };
  switch (spec.type) {
    case 'date': {
      const iso = parseDateInput(v);
      return iso ? { value: iso } : { error: 'entry.error.date' };
    }
    case 'number': {
      const n = parseNumber(v);
      return Number.isFinite(n) ? { value: n } : { error: 'plan.error.number' };
    }
    case 'integer': {
      const n = parseNumber(v);
      return Number.isInteger(n) ? { value: n } : { error: 'entry.error.integer' };
    }
    case 'textarea':
      return { value: text.replace(/\s+$/, '') };
  }
  return { value: v };
}

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (x: unknown) => x === undefined || x === null || x === '' || x === false || (Array.isArray(x) && x.length === 0);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The node part of a change set: for a new entry every filled field (plus fixed ones such as
 * the region), for an edit a merge patch of the changed fields (null clears one).
 */
export function nodeChanges(
  specs: readonly ScalarSpec[],
  stored: Record<string, unknown> | undefined,
  texts: Record<string, string>,
  languages: readonly string[] | undefined,
): { node: Record<string, unknown>; problems: LocalProblem[] } {
  const node: Record<string, unknown> = {};
  const problems: LocalProblem[] = [];
  for (const spec of specs) {
    let value: unknown;
    if (spec.type === 'languages') {
      if (languages === undefined) continue;
      value = [...languages];
    } else {
      const text = texts[spec.name];
      if (text === undefined) continue;
      const parsed = scalarValue(spec, text);
      if ('error' in parsed) {
        problems.push({ key: spec.name, message: parsed.error });
        continue;
      }
      value = parsed.value;
      if (spec.required && value === null) {
        problems.push({ key: spec.name, message: 'plan.error.required' });
        continue;
      }
    }
    if (!stored) {
      if (value !== null && value !== false && !(Array.isArray(value) && value.length === 0)) node[spec.name] = value;
    } else if (!sameValue(value, stored[spec.name])) {
      node[spec.name] = Array.isArray(value) && value.length === 0 ? null : value;
    }
  }
  return { node, problems };
}

/** Places a service problem's field ("title", "relate[2].props.since") in the form. */
export function placeField(field: string, relate: readonly RelOrigin[], unrelate: readonly RelOrigin[]): { key: string; value?: string; prop?: string } | undefined {
  const m = /^(relate|unrelate)\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (!m) return { key: field.split(/[.[]/)[0]! };
  const origin = (m[1] === 'relate' ? relate : unrelate)[Number(m[2])];
  if (!origin) return undefined;
  const rest = m[3] ?? '';
  const prop = rest.startsWith('props.') ? rest.slice(6) : undefined;
  return { key: origin.key, value: origin.value, ...(prop ? { prop } : {}) };
}

/** The choices of every source the specs need, loaded by the caller. */
export type ChoiceLists = Partial<Record<ChoiceSource, Choice[]>>;

export interface EntryFormOptions {
  api: ApiClient;
  collection: EntryCollection;
  region: string;
  /** The entry to edit, with its relationships; a new one is created without. */
  entity?: (Node & Record<string, unknown>) | undefined;
  relations?: Relation[] | undefined;
  choices: ChoiceLists;
  /** What a new entry starts with picked, by relationship key (a person's organisation). */
  preset?: Partial<Record<string, Picked[]>>;
  onSaved(entity: Node & Record<string, unknown>, created: boolean): void;
  onCancel(): void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'nothing' }
  | { kind: 'local'; problems: LocalProblem[] }
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'conflict'; problem: Problem; current: Node & Record<string, unknown>; relations: Relation[] }
  | { kind: 'error'; error: unknown };

/** The create or edit form of one directory entry with its relationships. */
export function entryForm(options: EntryFormOptions): HTMLFormElement {
  const { api, collection } = options;
  const scalars = scalarSpecs[collection];
  const rels = relSpecs[collection];
  let base = options.entity;
  let baseRelations = options.relations ?? [];
  let outcome: Outcome = { kind: 'none' };
  let busy = false;
  let sent: { relate: RelOrigin[]; unrelate: RelOrigin[] } = { relate: [], unrelate: [] };

  const form = h('form', { id: 'edit-form', class: 'edit-form entry-form', novalidate: true });
  const version = h('p', { class: 'muted' });
  const banner = h('div', { class: 'edit-banner' });
  const save = h('button', { type: 'submit', id: 'edit-save' });
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'edit-cancel', onclick: () => options.onCancel() }, t('edit.cancel'));
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const errorsOf = new Map<string, HTMLElement>();
  const widgets = new Map<string, MultiSelect>();
  const checkboxes = new Map<string, HTMLInputElement>();
  let languages: MultiSelect | undefined;

  function build(): void {
    inputs.clear();
    errorsOf.clear();
    widgets.clear();
    checkboxes.clear();
    const controls: HTMLElement[] = [];
    for (const spec of scalars) {
      const id = `edit-${spec.name}`;
      if (spec.type === 'languages') {
        const stored = (base?.[spec.name] as string[] | undefined) ?? [];
        const choices = [...new Set([...searchLanguages, ...stored])].map((c) => ({ value: c, label: languageName(c) }));
        languages = new MultiSelect({ id, legend: t(spec.label), choices, picked: stored.map((v) => ({ value: v, props: {} })) });
        controls.push(languages.element);
        continue;
      }
      if (spec.type === 'checkbox') {
        const box = h('input', { id, name: spec.name, type: 'checkbox' });
        box.checked = base?.[spec.name] === true;
        checkboxes.set(spec.name, box);
        const error = h('p', { class: 'field-error', id: `${id}-error` });
        errorsOf.set(spec.name, error);
        controls.push(h('div', { class: 'control control-check', 'data-field': spec.name }, box, h('label', { for: id }, t(spec.label)), error));
        continue;
      }
      let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (spec.type === 'textarea') input = h('textarea', { id, name: spec.name, rows: 5 });
      else if (spec.type === 'select') {
        input = h('select', { id, name: spec.name });
        if (!spec.required) input.append(h('option', { value: '' }, t('plan.none')));
        for (const o of spec.options?.() ?? []) input.append(h('option', { value: o.value }, o.label));
      } else if (spec.type === 'date') {
        input = h('input', { id, name: spec.name, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: t('multi.datePlaceholder'), class: 'date-input', 'aria-describedby': `${id}-hint` });
      } else if (spec.type === 'number' || spec.type === 'integer') {
        input = h('input', { id, name: spec.name, type: 'text', inputmode: spec.type === 'integer' ? 'numeric' : 'decimal', autocomplete: 'off' });
      } else input = h('input', { id, name: spec.name, type: spec.type });
      if (spec.required) input.setAttribute('aria-required', 'true');
      input.value = base ? scalarText(spec, base[spec.name]) : defaultText(spec);
      inputs.set(spec.name, input);
      const error = h('p', { class: 'field-error', id: `${id}-error` });
      errorsOf.set(spec.name, error);
      controls.push(
        h(
          'div',
          { class: 'control', 'data-field': spec.name },
          h('label', { for: id }, t(spec.label), spec.required && h('span', { 'aria-hidden': 'true' }, ' *')),
          spec.type === 'date' && h('p', { class: 'hint', id: `${id}-hint` }, t('entry.dateHint')),
          input,
          error,
        ),
      );
    }
    const relControls = rels.map((spec) => {
      const picked = base ? storedPicked(base.id, spec, baseRelations) : (options.preset?.[spec.key] ?? []);
      const known = options.choices[spec.source] ?? [];
      // An end the lists do not know (another region's, hidden) is kept and shown by its id.
      const extra = picked.filter((p) => !known.some((c) => c.value === p.value)).map((p) => ({ value: p.value, label: p.value }));
      const widget = new MultiSelect({
        id: `edit-${spec.key}`,
        legend: t(spec.label),
        choices: [...known, ...extra].filter((c) => !(base && c.value === base.id)),
        picked,
        ...(spec.props ? { props: spec.props() } : {}),
        ...(spec.hint ? { hint: t(spec.hint) } : {}),
      });
      widgets.set(spec.key, widget);
      return widget.element;
    });
    replaceChildren(
      form,
      h('h2', {}, t(base ? 'edit.title' : newTitle[collection])),
      version,
      banner,
      h('div', { class: 'edit-fields' }, ...controls),
      h('h3', {}, t('entry.relations')),
      h('div', { class: 'edit-relations' }, ...relControls),
      h('div', { class: 'actions' }, save, cancel),
    );
    renderVersion();
  }

  function defaultText(spec: ScalarSpec): string {
    // A person's entry is internal unless chosen otherwise: it is personal data.
    if (spec.name === 'visibility') return collection === 'actors' ? 'internal' : 'public';
    if (spec.name === 'status') return 'active';
    if (spec.name === 'level') return collection === 'networks' ? 'county' : 'operational';
    if (spec.required && spec.type === 'select') return spec.options?.()[0]?.value ?? '';
    return '';
  }

  function renderVersion(): void {
    version.textContent = base ? t('edit.basedOn', { version: base.version }) : t('plan.required');
    save.textContent = t(base ? 'edit.save' : 'entry.create');
  }

  function texts(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, input] of inputs) out[name] = input.value;
    for (const [name, box] of checkboxes) out[name] = box.checked ? 'true' : '';
    return out;
  }

  /** The whole change set of the form, or the problems found before sending. */
  function changeSet() {
    const { node, problems } = nodeChanges(scalars, base, texts(), languages?.values().map((p) => p.value));
    const relate: ChangeRelation[] = [];
    const unrelate: ChangeRelation[] = [];
    const origins = { relate: [] as RelOrigin[], unrelate: [] as RelOrigin[] };
    for (const spec of rels) {
      const widget = widgets.get(spec.key)!;
      const stored = base ? storedPicked(base.id, spec, baseRelations) : [];
      const diff = relationChangeSet(spec, stored, widget.values());
      problems.push(...diff.problems);
      for (const r of diff.relate) {
        relate.push(r);
        origins.relate.push({ key: spec.key, value: r.from === 'self' ? r.to : r.from });
      }
      for (const r of diff.unrelate) {
        unrelate.push(r);
        origins.unrelate.push({ key: spec.key, value: r.from === 'self' ? r.to : r.from });
      }
    }
    return { node, relate, unrelate, problems, origins };
  }

  function clearMarks(): void {
    for (const [name, el] of errorsOf) {
      el.textContent = '';
      const input = inputs.get(name);
      input?.removeAttribute('aria-invalid');
      const spec = scalars.find((s) => s.name === name);
      if (spec?.type === 'date') input?.setAttribute('aria-describedby', `edit-${name}-hint`);
      else input?.removeAttribute('aria-describedby');
    }
    for (const w of widgets.values()) w.clearErrors();
    languages?.clearErrors();
  }

  /** Marks one problem in the form; returns the id of the input to link to, or undefined. */
  function mark(place: { key: string; value?: string; prop?: string }, message: string): string | undefined {
    const widget = widgets.get(place.key) ?? (place.key === 'languages' ? languages : undefined);
    if (widget) {
      if (place.value === undefined || !widget.setItemError(place.value, message, place.prop)) widget.setError(message);
      return widget.focusId(place.value, place.prop);
    }
    const el = errorsOf.get(place.key);
    const input = inputs.get(place.key);
    if (!el || !input) return undefined;
    el.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', el.id);
    return input.id;
  }

  function labelOf(key: string): string {
    const s = scalars.find((x) => x.name === key);
    if (s) return t(s.label);
    const r = rels.find((x) => x.key === key);
    return r ? t(r.label) : key;
  }

  function alertBox(...children: (HTMLElement | string | false | null | undefined)[]): HTMLElement {
    return h('div', { role: 'alert', class: 'error', tabindex: -1 }, ...children);
  }

  function problemList(items: { text: string; href?: string }[]): HTMLElement | false {
    return items.length > 0 && h('ul', {}, ...items.map((i) => h('li', {}, i.href ? h('a', { href: `#${i.href}` }, i.text) : i.text)));
  }

  function renderOutcome(): void {
    clearMarks();
    save.setAttribute('aria-disabled', String(busy));
    switch (outcome.kind) {
      case 'none':
        replaceChildren(banner);
        return;
      case 'nothing':
        replaceChildren(banner, h('p', { role: 'status', class: 'note' }, t('edit.nothing')));
        return;
      case 'error':
        replaceChildren(banner, alertBox(h('p', { class: 'error-title' }, t('edit.failed')), h('p', { class: 'error-detail' }, describeError(outcome.error))));
        return;
      case 'local': {
        const items = outcome.problems.map((p) => {
          const href = mark(p, t(p.message));
          const who = p.value ? ` (${widgets.get(p.key)?.label(p.value) ?? p.value})` : '';
          return { text: `${labelOf(p.key)}${who}: ${t(p.message)}`, ...(href ? { href } : {}) };
        });
        replaceChildren(banner, alertBox(h('p', { class: 'error-title' }, t('edit.invalid')), problemList(items)));
        return;
      }
      case 'invalid': {
        const problem = outcome.problem;
        const items = (problem.errors ?? []).map((e) => {
          const place = placeField(e.field, sent.relate, sent.unrelate);
          const href = place ? mark(place, e.message) : undefined;
          const who = place?.value ? ` (${widgets.get(place.key)?.label(place.value) ?? place.value})` : '';
          return { text: `${place ? labelOf(place.key) : e.field}${who}: ${e.message}`, ...(href ? { href } : {}) };
        });
        replaceChildren(
          banner,
          alertBox(h('p', { class: 'error-title' }, t('edit.invalid')), h('p', { class: 'error-detail' }, describeError(problem)), problemList(items)),
        );
        return;
      }
      case 'conflict': {
        const { current } = outcome;
        const { node: mine } = nodeChanges(scalars, base, texts(), languages?.values().map((p) => p.value));
        const rows = scalars.filter((s) => s.name in mine || !sameValue(current[s.name], base?.[s.name]));
        const show = (s: ScalarSpec, v: unknown) => (s.type === 'languages' ? ((v as string[] | null) ?? []).map(languageName).join(', ') : scalarText(s, v));
        replaceChildren(
          banner,
          conflictBox({
            id: 'edit-conflict',
            prefix: 'edit',
            title: t('edit.conflictTitle'),
            text: t('edit.conflictText', { mine: base?.version ?? 0, now: current.version }),
            rowHeading: t('edit.conflictField'),
            rows: rows.map((s) => ({ key: ['data-field', s.name], label: t(s.label), mine: s.name in mine ? show(s, mine[s.name]) : undefined, stored: show(s, current[s.name]) })),
            note: t('entry.conflictRelations'),
            keepMine: { label: t('edit.keepMine'), onClick: () => void keepMine() },
            takeStored: { label: t('edit.takeStored'), onClick: () => takeStored() },
          }),
        );
        return;
      }
    }
  }

  /**
   * After a conflict: the user's own changes — the fields they changed, the relationships they
   * added, changed and removed — saved on top of the stored state; what others changed
   * elsewhere stays.
   */
  async function keepMine(): Promise<void> {
    if (outcome.kind !== 'conflict') return;
    const { current, relations } = outcome;
    const mine = changeSet();
    const typed = texts();
    const langs = 'languages' in mine.node ? languages?.values() : undefined;
    const myPicks = new Map([...widgets].map(([k, w]) => [k, w.values()]));
    base = current;
    baseRelations = relations;
    build();
    for (const name of Object.keys(mine.node)) {
      const input = inputs.get(name);
      if (input) input.value = typed[name] ?? '';
      const box = checkboxes.get(name);
      if (box) box.checked = typed[name] === 'true';
    }
    const picks = new Map<string, Picked[]>();
    for (const spec of rels) {
      const wanted = new Map(storedPicked(current.id, spec, relations).map((p) => [p.value, p]));
      mine.origins.unrelate.filter((o) => o.key === spec.key).forEach((o) => wanted.delete(o.value));
      for (const o of mine.origins.relate.filter((x) => x.key === spec.key)) {
        const p = myPicks.get(spec.key)?.find((x) => x.value === o.value);
        if (p) wanted.set(o.value, p);
      }
      picks.set(spec.key, [...wanted.values()]);
    }
    restorePicks(langs, picks);
    await submit();
  }

  function restorePicks(langs: Picked[] | undefined, picks: Map<string, Picked[]>): void {
    if (langs && languages) {
      const spec = scalars.find((s) => s.type === 'languages')!;
      const choices = [...new Set([...searchLanguages, ...langs.map((l) => l.value)])].map((c) => ({ value: c, label: languageName(c) }));
      const fresh = new MultiSelect({ id: `edit-${spec.name}`, legend: t(spec.label), choices, picked: langs });
      languages.element.replaceWith(fresh.element);
      languages = fresh;
    }
    for (const spec of rels) {
      const old = widgets.get(spec.key)!;
      const known = options.choices[spec.source] ?? [];
      const wanted = picks.get(spec.key) ?? [];
      const extra = wanted.filter((p) => !known.some((c) => c.value === p.value)).map((p) => ({ value: p.value, label: p.value }));
      const fresh = new MultiSelect({
        id: `edit-${spec.key}`,
        legend: t(spec.label),
        choices: [...known, ...extra].filter((c) => !(base && c.value === base.id)),
        picked: wanted,
        ...(spec.props ? { props: spec.props() } : {}),
      });
      old.element.replaceWith(fresh.element);
      widgets.set(spec.key, fresh);
    }
  }

  function takeStored(): void {
    if (outcome.kind !== 'conflict') return;
    base = outcome.current;
    baseRelations = outcome.relations;
    outcome = { kind: 'none' };
    build();
    renderOutcome();
    inputs.values().next().value?.focus();
  }

  async function submit(): Promise<void> {
    if (busy) return;
    const set = changeSet();
    if (set.problems.length > 0) {
      outcome = { kind: 'local', problems: set.problems };
      renderOutcome();
      focusBanner();
      return;
    }
    if (base && Object.keys(set.node).length === 0 && set.relate.length + set.unrelate.length === 0) {
      outcome = { kind: 'nothing' };
      renderOutcome();
      return;
    }
    busy = true;
    outcome = { kind: 'none' };
    renderOutcome();
    sent = set.origins;
    try {
      const body = base
        ? { kind: kindOf[collection], id: base.id, version: base.version, ...(Object.keys(set.node).length > 0 ? { node: set.node } : {}), relate: set.relate, unrelate: set.unrelate }
        : { kind: kindOf[collection], node: { ...set.node, region: options.region }, relate: set.relate };
      const saved = await api.change<Node & Record<string, unknown>>(body);
      busy = false;
      options.onSaved(saved.node, !base);
      return;
    } catch (error) {
      busy = false;
      if (error instanceof Problem && error.status === 412 && base) {
        try {
          const [current, relations] = await Promise.all([
            api.getNode<Node & Record<string, unknown>>(collection as Collection, base.id),
            api.relations(collection as Collection, base.id),
          ]);
          outcome = { kind: 'conflict', problem: error, current, relations };
        } catch (reloadError) {
          outcome = { kind: 'error', error: reloadError };
        }
      } else if (error instanceof Problem && (error.status === 400 || error.status === 422)) {
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

  build();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  return form;
}

const newTitle: Record<EntryCollection, MessageKey> = {
  measures: 'entry.new.measures',
  organisations: 'entry.new.organisations',
  networks: 'entry.new.networks',
  actors: 'entry.new.actors',
};
