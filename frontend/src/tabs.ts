// Accessible tabs after the WAI-ARIA Authoring Practices: a tablist of buttons, one tabpanel
// each. Only the selected tab is in the Tab order (roving tabindex); the arrow keys, Home and
// End move between tabs and select at once, since both panels are cheap to show.

import { h } from './dom';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  /** The panel the tab shows; it gets role, id, label and hidden from the tab list. */
  panel: HTMLElement;
}

export interface Tabs<K extends string> {
  /** The tablist element, to be placed before the panels. */
  list: HTMLElement;
  /** The selected tab's key. */
  readonly selected: K;
  /** Selects key (without calling onSelect); focus moves to its tab when focus is true. */
  select(key: K, focus?: boolean): void;
  /** Sets the visible names of the tab list and its tabs (after a change of language). */
  relabel(label: string, labels: Record<K, string>): void;
}

/**
 * The key that a key press on the tab `current` moves to, or undefined when the key is not
 * one the tab list handles: the arrows wrap around, Home and End go to the ends.
 */
export function tabKeyTarget<K extends string>(keys: readonly K[], current: K, key: string): K | undefined {
  const i = keys.indexOf(current);
  if (i < 0 || keys.length === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return keys[(i + 1) % keys.length];
    case 'ArrowLeft':
    case 'ArrowUp':
      return keys[(i - 1 + keys.length) % keys.length];
    case 'Home':
      return keys[0];
    case 'End':
      return keys[keys.length - 1];
    default:
      return undefined;
  }
}

/**
 * Builds a tab list named label over tabs; ids are `${id}-tab-${key}` and `${id}-panel-${key}`.
 * onSelect runs when the user selects another tab (click or keys).
 */
export function createTabs<K extends string>(opts: {
  id: string;
  label: string;
  tabs: readonly TabSpec<K>[];
  selected: K;
  onSelect: (key: K) => void;
}): Tabs<K> {
  const keys = opts.tabs.map((tab) => tab.key);
  let selected = keys.includes(opts.selected) ? opts.selected : keys[0]!;
  const buttons = new Map<K, HTMLButtonElement>();
  const list = h('div', { role: 'tablist', class: 'tabs', id: `${opts.id}-tabs`, 'aria-label': opts.label });

  function choose(key: K, focus: boolean): void {
    const changed = key !== selected;
    api.select(key, focus);
    if (changed) opts.onSelect(key);
  }

  for (const tab of opts.tabs) {
    const tabId = `${opts.id}-tab-${tab.key}`;
    const panelId = `${opts.id}-panel-${tab.key}`;
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: tabId,
        'aria-controls': panelId,
        'data-tab': tab.key,
        onclick: () => choose(tab.key, false),
        onkeydown: (event: Event) => {
          const e = event as KeyboardEvent;
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const next = tabKeyTarget(keys, tab.key, e.key);
          if (next === undefined) return;
          e.preventDefault();
          choose(next, true);
        },
      },
      tab.label,
    );
    buttons.set(tab.key, button);
    list.append(button);
    tab.panel.id = panelId;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', tabId);
    // The panel itself takes focus, so that Tab from the tab list reaches its content even
    // when the panel starts with text rather than a control.
    tab.panel.tabIndex = 0;
  }

  const api: Tabs<K> = {
    list,
    get selected() {
      return selected;
    },
    select(key, focus = false) {
      if (!keys.includes(key)) return;
      selected = key;
      for (const tab of opts.tabs) {
        const on = tab.key === key;
        const button = buttons.get(tab.key)!;
        button.setAttribute('aria-selected', String(on));
        button.tabIndex = on ? 0 : -1;
        tab.panel.hidden = !on;
      }
      if (focus) buttons.get(key)!.focus();
    },
    relabel(label, labels) {
      list.setAttribute('aria-label', label);
      for (const [key, button] of buttons) button.textContent = labels[key];
    },
  };
  api.select(selected);
  return api;
}
