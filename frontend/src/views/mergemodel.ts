// The pure part of merging a data duplicate (views/merge.ts): which fields of the two entries
// differ, how their values read in words, which relationships the survivor gains, and the
// request the reviewer's choices make. No DOM here, so it is tested on its own.

import { formatDate } from '../format';
import { t, type MessageKey } from '../i18n';
import {
  cadenceLabel,
  formatLabel,
  horizonLabel,
  languageName,
  levelLabel,
  networkKindLabel,
  networkLevelLabel,
  orgKindLabel,
  priorityLabel,
  statusLabel,
} from '../labels';
import type { Relation } from '../types';

/** The kinds whose entries can be merged, as the service names them. */
export type MergeKind = 'measure' | 'organisation' | 'network';

/** One entry as the service sends it. */
export type Entry = { id: string; version: number } & Record<string, unknown>;

/** The fields a merge never chooses: the entry's identity, history and region. */
const metaFields = new Set(['id', 'version', 'created_at', 'updated_at', 'region']);

/** A field whose values differ between the two entries. */
export interface FieldDiff {
  field: string;
  a: unknown;
  b: unknown;
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function same(x: unknown, y: unknown): boolean {
  if (empty(x) && empty(y)) return true;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** The fields whose values differ, in a stable order (the first entry's keys first). */
export function fieldDiff(a: Entry, b: Entry): FieldDiff[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !metaFields.has(k));
  return keys.filter((k) => !same(a[k], b[k])).map((field) => ({ field, a: a[field], b: b[field] }));
}

/**
 * The entry each differing field takes its value from, to start with: the survivor's, unless
 * only the other entry has a value.
 */
export function defaultChoices(diffs: readonly FieldDiff[], a: Entry, b: Entry, survivor: string): Map<string, string> {
  const other = survivor === a.id ? b : a;
  const kept = survivor === a.id ? a : b;
  return new Map(diffs.map((d) => [d.field, empty(kept[d.field]) && !empty(other[d.field]) ? other.id : kept.id]));
}

/** The body of POST /merges for the chosen survivor and, per field, the entry whose value stays. */
export function mergeRequest(kind: MergeKind, a: Entry, b: Entry, survivor: string, choices: ReadonlyMap<string, string>) {
  const [kept, gone] = survivor === a.id ? [a, b] : [b, a];
  const fields: Record<string, 'survivor' | 'retired'> = {};
  for (const [field, from] of choices) fields[field] = from === gone.id ? 'retired' : 'survivor';
  return { kind, survivor: kept.id, retired: gone.id, survivor_version: kept.version, retired_version: gone.version, fields };
}

/**
 * The relationships the survivor gains: the retired entry's, turned to the survivor, except
 * those between the two (they go) and those the survivor has already (its own stay).
 */
export function movingRelations(retired: string, survivor: string, retiredRels: readonly Relation[], survivorRels: readonly Relation[]): Relation[] {
  const key = (r: Relation) => `${r.type} ${r.from} ${r.to}`;
  const have = new Set(survivorRels.flatMap((r) => [key(r), `${r.type} ${r.to} ${r.from}`]));
  const out: Relation[] = [];
  for (const r of retiredRels) {
    const moved = { ...r, from: r.from === retired ? survivor : r.from, to: r.to === retired ? survivor : r.to };
    if (moved.from === moved.to || have.has(key(moved))) continue;
    have.add(key(moved));
    out.push(moved);
  }
  return out;
}

const labels: Record<string, (v: string) => string> = {
  status: statusLabel,
  format: formatLabel,
  cadence: cadenceLabel,
  priority: priorityLabel,
  horizon: horizonLabel,
};

/** A field's name in words. */
export function fieldLabel(field: string): string {
  const key = `merge.field.${field}` as MessageKey;
  const text = t(key);
  return text === key ? field : text;
}

/** A value in words: codes as their labels, dates as dd.mm.yyyy, lists joined, nothing as "(leer)". */
export function valueText(kind: MergeKind, field: string, value: unknown): string {
  if (empty(value)) return t('merge.empty');
  if (field === 'languages' && Array.isArray(value)) return value.map((l) => languageName(String(l))).join(', ');
  if (Array.isArray(value)) return t('merge.items', { count: value.length });
  if (typeof value === 'boolean') return t(value ? 'merge.yes' : 'merge.no');
  if (typeof value === 'number') return value.toLocaleString(t('merge.locale'));
  const s = String(value);
  if (field === 'visibility') return t(s === 'internal' ? 'merge.visibility.internal' : 'merge.visibility.public');
  if (field === 'kind') return kind === 'network' ? networkKindLabel(s) : orgKindLabel(s);
  if (field === 'level') return kind === 'network' ? networkLevelLabel(s) : levelLabel(s);
  if (labels[field]) return labels[field]!(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  return s;
}

/** A relationship in words, with the names known for its ends. */
export function relationText(r: Relation, names: ReadonlyMap<string, string>): string {
  const key = `merge.rel.${r.type}` as MessageKey;
  const type = t(key) === key ? r.type : t(key);
  return `${type}: ${names.get(r.from) ?? r.from} → ${names.get(r.to) ?? r.to}`;
}
