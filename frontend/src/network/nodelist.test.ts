// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { NodeList, nodeOrder, pageStep, step, typeAhead } from './nodelist';

describe('nodeOrder', () => {
  it('puts the Gremien first, each kind by German name order', () => {
    const order = nodeOrder(
      [
        { id: 'n2', name: 'Steuerungsgruppe' },
        { id: 'n1', name: 'Arbeitskreis Wohnen' },
      ],
      [
        { id: 'o3', name: 'Zuwanderung e.V.' },
        { id: 'o1', name: 'Ärztekammer' },
        { id: 'o2', name: 'Caritas' },
      ],
    );
    expect(order.map((x) => x.id)).toEqual(['n1', 'n2', 'o1', 'o2', 'o3']);
    expect(order.map((x) => x.kind)).toEqual(['gremium', 'gremium', 'organisation', 'organisation', 'organisation']);
  });
});

describe('step', () => {
  it('moves by one, by a page, to the ends, and stays inside the list', () => {
    expect(step(-1, 'ArrowDown', 5)).toBe(0);
    expect(step(-1, 'ArrowUp', 5)).toBe(0);
    expect(step(0, 'ArrowDown', 5)).toBe(1);
    expect(step(4, 'ArrowDown', 5)).toBe(4);
    expect(step(0, 'ArrowUp', 5)).toBe(0);
    expect(step(2, 'Home', 5)).toBe(0);
    expect(step(2, 'End', 5)).toBe(4);
    expect(step(0, 'PageDown', 50)).toBe(pageStep);
    expect(step(3, 'PageUp', 50)).toBe(0);
    expect(step(1, 'Enter', 5)).toBeUndefined();
    expect(step(0, 'ArrowDown', 0)).toBeUndefined();
  });
});

describe('typeAhead', () => {
  const names = ['AWO Kreisverband', 'Caritas', 'Carl-Duisberg-Schule', 'Diakonie', 'caféteria Treff'];

  it('jumps to the next name starting with the typed text, wrapping round', () => {
    expect(typeAhead(names, -1, 'd')).toBe(3);
    expect(typeAhead(names, 3, 'a')).toBe(0);
    expect(typeAhead(names, 0, 'carl')).toBe(2);
    expect(typeAhead(names, 0, 'x')).toBeUndefined();
  });

  it('cycles through the names of one letter when it is typed again', () => {
    expect(typeAhead(names, 0, 'c')).toBe(1);
    expect(typeAhead(names, 1, 'cc')).toBe(2);
    expect(typeAhead(names, 2, 'ccc')).toBe(4);
    expect(typeAhead(names, 4, 'cccc')).toBe(1);
  });

  it('stays on the active name while the longer text still matches it', () => {
    expect(typeAhead(names, 1, 'ca')).toBe(1);
    expect(typeAhead(names, 1, 'car')).toBe(1);
    expect(typeAhead(names, 1, 'carl')).toBe(2);
  });
});

describe('NodeList', () => {
  function setup() {
    const onActive = vi.fn();
    const onSelect = vi.fn();
    const onEscape = vi.fn();
    const list = new NodeList({ id: 'nl', onActive, onSelect, onEscape });
    document.body.replaceChildren(list.listbox);
    list.setItems(
      nodeOrder(
        [{ id: 'net_1', name: 'Runder Tisch' }],
        [
          { id: 'org_b', name: 'Berta' },
          { id: 'org_a', name: 'Anna' },
        ],
      ),
      (kind, n) => `${kind} ${n}`,
    );
    const key = (k: string) => list.listbox.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    return { list, key, onActive, onSelect, onEscape };
  }

  it('is one focusable listbox with named groups and options', () => {
    const { list } = setup();
    expect(list.listbox.getAttribute('role')).toBe('listbox');
    expect(list.listbox.tabIndex).toBe(0);
    const groups = list.listbox.querySelectorAll('[role="group"]');
    expect(groups).toHaveLength(2);
    expect(document.getElementById(groups[0]!.getAttribute('aria-labelledby')!)!.textContent).toBe('gremium 1');
    expect([...list.listbox.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['Runder Tisch', 'Anna', 'Berta']);
  });

  it('moves with the arrow keys, reports the node, selects with Enter and passes Escape on', () => {
    const { list, key, onActive, onSelect, onEscape } = setup();
    list.listbox.focus();
    expect(list.listbox.getAttribute('aria-activedescendant')).toBe('nl-net_1');
    key('ArrowDown');
    expect(list.activeNode()).toBe('org_a');
    expect(onActive).toHaveBeenLastCalledWith('org_a');
    key('Enter');
    expect(onSelect).toHaveBeenCalledWith('org_a');
    key('b');
    expect(list.activeNode()).toBe('org_b');
    key('Escape');
    expect(onEscape).toHaveBeenCalled();
  });

  it('marks the selected node and starts from it when focused again', () => {
    const { list } = setup();
    list.setSelected('org_b');
    expect(list.listbox.querySelector('[aria-selected="true"]')!.textContent).toBe('Berta');
    list.listbox.focus();
    expect(list.activeNode()).toBe('org_b');
  });
});
