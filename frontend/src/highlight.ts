// Highlights from the service (search hits, duplicate pairs) are byte ranges into the UTF-8
// text, as Go counts them. JavaScript strings count UTF-16 code units, so "Sprachcafé" is 10
// long here and 11 bytes there; these helpers translate the ranges and cut the text into
// plain and marked pieces.

import { h } from './dom';
import type { FieldMatch } from './types';

/** A piece of text, marked or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Cuts text into segments along the byte ranges [start, end). Ranges may overlap or come
 * unsorted; ranges outside the text are clipped, and a range that ends inside a multi-byte
 * character is widened to the whole character.
 */
export function segments(text: string, spans: readonly (readonly [number, number])[]): Segment[] {
  if (spans.length === 0) return text ? [{ text, mark: false }] : [];
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const isStart = (i: number) => i >= n || (bytes[i]! & 0xc0) !== 0x80;
  const back = (i: number) => {
    while (i > 0 && !isStart(i)) i--;
    return i;
  };
  const forward = (i: number) => {
    while (i < n && !isStart(i)) i++;
    return i;
  };
  const ranges = spans
    .map(([s, e]) => [back(Math.max(0, Math.min(s, n))), forward(Math.max(0, Math.min(e, n)))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: decoder.decode(bytes.subarray(at, s)), mark: false });
    out.push({ text: decoder.decode(bytes.subarray(s, e)), mark: true });
    at = e;
  }
  if (at < n) out.push({ text: decoder.decode(bytes.subarray(at)), mark: false });
  return out;
}

/** The spans of one field in a list of matches. */
export function spansOf(matches: readonly FieldMatch[] | undefined, field: string): [number, number][] {
  return matches?.find((m) => m.field === field)?.spans ?? [];
}

/** The text as a DocumentFragment with <mark> around the highlighted pieces. */
export function highlighted(text: string, spans: readonly (readonly [number, number])[]): DocumentFragment {
  return fragmentOf(segments(text, spans));
}

/**
 * A window of at most max characters of the segmented text, starting a little before the
 * first marked piece, with an ellipsis where text was cut. Short texts come back whole.
 */
export function excerpt(parts: readonly Segment[], max: number, lead = 60): Segment[] {
  const total = parts.reduce((n, p) => n + p.text.length, 0);
  if (total <= max) return [...parts];
  let firstMark = 0;
  for (const p of parts) {
    if (p.mark) break;
    firstMark += p.text.length;
  }
  if (firstMark >= total) firstMark = 0;
  let start = Math.max(0, Math.min(firstMark - lead, total - max));
  // Start at a word boundary when one is near.
  const flat = parts.map((p) => p.text).join('');
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < firstMark && space - start < 20) start = space + 1;
  }
  const end = Math.min(total, start + max);
  const out: Segment[] = [];
  let at = 0;
  for (const p of parts) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + p.text.length);
    if (to > from) out.push({ text: p.text.slice(from - at, to - at), mark: p.mark });
    at += p.text.length;
  }
  if (start > 0) out.unshift({ text: '… ', mark: false });
  if (end < total) out.push({ text: ' …', mark: false });
  return out;
}

/** Segments as a DocumentFragment with <mark> around the marked pieces. */
export function fragmentOf(parts: readonly Segment[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of parts) {
    fragment.append(segment.mark ? h('mark', {}, segment.text) : document.createTextNode(segment.text));
  }
  return fragment;
}
