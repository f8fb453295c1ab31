// The drawing's nodes as a list for the keyboard and screen readers (a WAI-ARIA listbox):
// one Tab stop; the arrow keys, Page Up/Down, Home and End move through the Gremien and then
// the organisations, typing the start of a name jumps to it, Enter (or Space) selects — the
// same as a click on the node — and Escape asks to close what the selection opened. The node
// under the keyboard is reported as it moves, so the drawing can show it like a hovered one.

import { h, replaceChildren } from '../dom';

export interface ListItem {
  id: string;
  name: string;
  kind: 'gremium' | 'organisation';
}

/** nodeOrder: the Gremien by name, then the organisations by name (German collation). */
export function nodeOrder(hubs: readonly { id: string; name: string }[], organisations: readonly { id: string; name: string }[]): ListItem[] {
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id);
  return [
    ...[...hubs].sort(byName).map((n) => ({ id: n.id, name: n.name, kind: 'gremium' as const })),
    ...[...organisations].sort(byName).map((n) => ({ id: n.id, name: n.name, kind: 'organisation' as const })),
  ];
}

/** How far Page Up and Page Down move. */
export const pageStep = 10;

/**
 * step gives the index a navigation key leads to from index (-1: none active yet) in a list
 * of length items, clamped to the list; undefined for any other key.
 */
export function step(index: number, key: string, length: number): number | undefined {
  if (length === 0) return undefined;
  const clamp = (i: number) => Math.min(length - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : clamp(index + 1);
    case 'ArrowUp':
      return index < 0 ? 0 : clamp(index - 1);
    case 'PageDown':
      return clamp(index + pageStep);
    case 'PageUp':
      return clamp(index - pageStep);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return undefined;
  }
}

/**
 * typeAhead finds the item the typed text leads to: the next name (after active, wrapping
 * round) starting with it. A letter typed again and again cycles through the names starting
 * with that letter; a longer text stays on the active item while it still matches.
 */
export function typeAhead(names: readonly string[], active: number, typed: string): number | undefined {
  const text = typed.toLocaleLowerCase('de');
  if (text === '' || names.length === 0) return undefined;
  const repeated = [...text].every((c) => c === text[0]);
  const prefix = repeated ? text[0]! : text;
  const from = repeated ? active + 1 : Math.max(active, 0);
  for (let k = 0; k < names.length; k++) {
    const i = (((from + k) % names.length) + names.length) % names.length;
    if (names[i]!.toLocaleLowerCase('de').trimStart().startsWith(prefix)) return i;
  }
  return undefined;
}

export interface NodeListOptions {
  /** The id of the listbox element; options get ids below it. */
  id: string;
  /** The node under the keyboard changed (undefined: the list lost focus). */
  onActive: (id: string | undefined) => void;
  /** Enter, Space or a click chose the node. */
  onSelect: (id: string) => void;
  /** Escape was pressed in the list. */
  onEscape: () => void;
}

/** How long typed letters add up to one search. */
const typeAheadMs = 1000;

export class NodeList {
  /** The listbox; place it in the page with its label. */
  readonly listbox: HTMLElement;
  private items: ListItem[] = [];
  private options: HTMLElement[] = [];
  private active = -1;
  private selected: string | undefined;
  private typed = '';
  private typedAt = 0;

  constructor(private readonly opts: NodeListOptions) {
    this.listbox = h('div', { role: 'listbox', id: opts.id, tabindex: 0, class: 'node-list' });
    this.listbox.addEventListener('keydown', (e) => this.key(e));
    this.listbox.addEventListener('focus', () => {
      if (this.active < 0 && this.items.length > 0) this.activate(Math.max(0, this.indexOf(this.selected)));
      else this.opts.onActive(this.items[this.active]?.id);
    });
    this.listbox.addEventListener('blur', () => this.opts.onActive(undefined));
  }

  /** Shows items, grouped by kind under the given group names. */
  setItems(items: ListItem[], groupLabel: (kind: ListItem['kind'], count: number) => string): void {
    const activeId = this.items[this.active]?.id;
    this.items = items;
    this.options = [];
    const groups: HTMLElement[] = [];
    for (const kind of ['gremium', 'organisation'] as const) {
      const members = items.map((item, i) => ({ item, i })).filter((x) => x.item.kind === kind);
      if (members.length === 0) continue;
      const labelId = `${this.opts.id}-${kind}`;
      groups.push(
        h(
          'div',
          { role: 'group', 'aria-labelledby': labelId, class: `node-group node-group-${kind}` },
          h('div', { role: 'presentation', id: labelId, class: 'node-group-label' }, groupLabel(kind, members.length)),
          ...members.map(({ item, i }) => {
            const option = h(
              'div',
              { role: 'option', id: `${this.opts.id}-${item.id}`, class: `node-option node-option-${kind}`, 'data-node': item.id, 'data-kind': kind, 'aria-selected': 'false' },
              item.name,
            );
            option.addEventListener('click', () => {
              this.activate(i);
              this.opts.onSelect(item.id);
            });
            this.options[i] = option;
            return option;
          }),
        ),
      );
    }
    replaceChildren(this.listbox, ...groups);
    this.active = -1;
    this.listbox.removeAttribute('aria-activedescendant');
    this.setSelected(this.selected);
    const again = this.indexOf(activeId);
    if (again >= 0) this.activate(again, false);
  }

  /** Marks the selected node (aria-selected), or none. */
  setSelected(id: string | undefined): void {
    this.selected = id;
    this.options.forEach((o, i) => o.setAttribute('aria-selected', String(this.items[i]!.id === id)));
  }

  /** Focuses the list with the node under the keyboard (the first without it). */
  focusNode(id: string | undefined): void {
    const i = this.indexOf(id);
    if (i >= 0) this.activate(i, false);
    this.listbox.focus();
  }

  /** The node under the keyboard. */
  activeNode(): string | undefined {
    return this.items[this.active]?.id;
  }

  private indexOf(id: string | undefined): number {
    return id === undefined ? -1 : this.items.findIndex((x) => x.id === id);
  }

  private activate(i: number, report = true): void {
    this.options[this.active]?.classList.remove('active');
    this.active = i;
    const option = this.options[i];
    if (!option) return;
    option.classList.add('active');
    this.listbox.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView?.({ block: 'nearest' });
    if (report) this.opts.onActive(this.items[i]!.id);
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = step(this.active, e.key, this.items.length);
    if (to !== undefined) {
      e.preventDefault();
      this.typed = '';
      this.activate(to);
      return;
    }
    const now = Date.now();
    if (now - this.typedAt > typeAheadMs) this.typed = '';
    if (e.key === 'Enter' || (e.key === ' ' && this.typed === '')) {
      e.preventDefault();
      const item = this.items[this.active];
      if (item) this.opts.onSelect(item.id);
      return;
    }
    if (e.key === 'Escape') {
      this.typed = '';
      this.opts.onEscape();
      return;
    }
    if (e.key.length === 1) {
      e.preventDefault();
      this.typed += e.key;
      this.typedAt = now;
      const found = typeAhead(
        this.items.map((x) => x.name),
        this.active,
        this.typed,
      );
      if (found !== undefined) this.activate(found);
    }
  }
}
