// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h } from './dom';
import { createTabs, tabKeyTarget } from './tabs';

describe('tabKeyTarget', () => {
  const keys = ['a', 'b', 'c'] as const;
  it('moves with the arrows, wrapping around, and to the ends with Home and End', () => {
    expect(tabKeyTarget(keys, 'a', 'ArrowRight')).toBe('b');
    expect(tabKeyTarget(keys, 'c', 'ArrowRight')).toBe('a');
    expect(tabKeyTarget(keys, 'a', 'ArrowLeft')).toBe('c');
    expect(tabKeyTarget(keys, 'b', 'Home')).toBe('a');
    expect(tabKeyTarget(keys, 'a', 'End')).toBe('c');
    expect(tabKeyTarget(keys, 'a', 'Enter')).toBeUndefined();
    expect(tabKeyTarget(keys, 'x' as 'a', 'ArrowRight')).toBeUndefined();
  });
});

describe('createTabs', () => {
  function mount(selected: 'one' | 'two' = 'one') {
    const chosen: string[] = [];
    const one = h('div', {}, 'first');
    const two = h('div', {}, 'second');
    const tabs = createTabs({
      id: 't',
      label: 'Ansicht',
      tabs: [
        { key: 'one', label: 'Eins', panel: one },
        { key: 'two', label: 'Zwei', panel: two },
      ],
      selected,
      onSelect: (k) => chosen.push(k),
    });
    document.body.replaceChildren(tabs.list, one, two);
    const tab = (k: string) => document.getElementById(`t-tab-${k}`) as HTMLButtonElement;
    return { tabs, one, two, chosen, tab };
  }

  it('connects tabs and panels and shows the selected one only', () => {
    const { one, two, tab } = mount('two');
    expect(document.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Ansicht');
    expect(tab('one').getAttribute('role')).toBe('tab');
    expect(tab('one').getAttribute('aria-controls')).toBe('t-panel-one');
    expect(one.getAttribute('role')).toBe('tabpanel');
    expect(one.getAttribute('aria-labelledby')).toBe('t-tab-one');
    expect([tab('one').getAttribute('aria-selected'), tab('two').getAttribute('aria-selected')]).toEqual(['false', 'true']);
    expect([tab('one').tabIndex, tab('two').tabIndex]).toEqual([-1, 0]);
    expect([one.hidden, two.hidden]).toEqual([true, false]);
  });

  it('selects by click and by arrow keys, moving the focus along', () => {
    const { tabs, one, two, chosen, tab } = mount();
    tab('two').click();
    expect(tabs.selected).toBe('two');
    expect([one.hidden, two.hidden]).toEqual([true, false]);
    tab('two').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(tabs.selected).toBe('one');
    expect(document.activeElement).toBe(tab('one'));
    expect(tab('one').getAttribute('aria-selected')).toBe('true');
    tab('one').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(chosen).toEqual(['two', 'one', 'two']);
    // Clicking the selected tab changes nothing.
    tab('two').click();
    expect(chosen).toHaveLength(3);
  });

  it('relabels', () => {
    const { tabs, tab } = mount();
    tabs.relabel('View', { one: 'One', two: 'Two' });
    expect(tab('two').textContent).toBe('Two');
    expect(document.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('View');
  });
});
