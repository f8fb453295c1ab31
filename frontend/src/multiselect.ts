// A searchable multi-select for picking related entries (fields of action, municipalities,
// providers, members …) from lists that are too long for check boxes. It follows the ARIA
// combobox pattern with a list box popup: type to filter (umlauts and case do not matter),
// arrow keys move through the matches, Enter adds, Escape closes. What is picked is a list
// below the legend, each entry with its own inputs for the relationship's properties (a
// provider's role, a member's role and since when) and a button to remove it. Additions and
// removals are announced to screen readers.

import { h, replaceChildren } from './dom';
import { dateInput } from './format';
import { t } from './i18n';

export interface Choice {
  value: string;
  label: string;
  /** A second line that tells equal names apart (a municipality's county, a body's kind). */
  hint?: string;
}

/** An input for one property of each picked entry's relationship. */
export interface PropSpec {
  name: 'role' | 'since' | 'note';
  label: string;
  /** select: one of options; date: typed as TT.MM.JJJJ; text: free. */
  type: 'select' | 'date' | 'text';
  options?: readonly { value: string; label: string }[];
}

/** A picked entry with its properties as typed (dates in German form). */
export interface Picked {
  value: string;
  props: Record<string, string>;
}

/** Most matches shown at once; more are reached by typing more. */
export const MAX_SHOWN = 50;

/** Folds text for matching: lower case, without accents, ß as ss (Münster finds münster and Munster). */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * The choices matching a query, not yet picked: every word of the query must occur in the
 * label or hint. Labels that start with the query come first; otherwise the choices' order
 * stays. At most limit are returned, with the number left out.
 */
export function matchChoices(choices: readonly Choice[], query: string, picked: ReadonlySet<string>, limit = MAX_SHOWN): { shown: Choice[]; more: number } {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const first: Choice[] = [];
  const rest: Choice[] = [];
  for (const c of choices) {
    if (picked.has(c.value)) continue;
    const text = fold(`${c.label} ${c.hint ?? ''}`);
    if (!words.every((w) => text.includes(w))) continue;
    (q && fold(c.label).startsWith(q) ? first : rest).push(c);
  }
  const all = [...first, ...rest];
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

export interface MultiSelectOptions {
  id: string;
  legend: string;
  choices: readonly Choice[];
  picked: readonly Picked[];
  props?: readonly PropSpec[];
  hint?: string;
  /** Called after every addition or removal and property edit. */
  onChange?: () => void;
}

let liveTimer: ReturnType<typeof setTimeout> | undefined;

export class MultiSelect {
  readonly element: HTMLFieldSetElement;
  private readonly choices = new Map<string, Choice>();
  private readonly pickedList: HTMLUListElement;
  private readonly empty: HTMLParagraphElement;
  private readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private readonly live: HTMLParagraphElement;
  private readonly error: HTMLParagraphElement;
  private picked: Picked[];
  private readonly inputsOf = new Map<string, Map<string, HTMLInputElement | HTMLSelectElement>>();
  private readonly itemErrors = new Map<string, HTMLParagraphElement>();
  private shown: Choice[] = [];
  private active = -1;

  constructor(private readonly opts: MultiSelectOptions) {
    for (const c of opts.choices) this.choices.set(c.value, c);
    this.picked = opts.picked.map((p) => ({ value: p.value, props: { ...p.props } }));
    const id = opts.id;
    this.pickedList = h('ul', { class: 'picked-list', id: `${id}-picked`, 'aria-label': t('multi.picked', { name: opts.legend }) });
    this.empty = h('p', { class: 'muted picked-empty' }, t('multi.none'));
    this.input = h('input', {
      id: `${id}-search`,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
      'aria-describedby': opts.hint ? `${id}-hint` : undefined,
    });
    this.listbox = h('ul', { role: 'listbox', id: `${id}-list`, class: 'combo-list', hidden: true, 'aria-label': opts.legend });
    this.live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: `${id}-live` });
    this.error = h('p', { class: 'field-error', id: `${id}-error` });
    this.element = h(
      'fieldset',
      { class: 'control multiselect', id, 'data-field': id },
      h('legend', {}, opts.legend),
      opts.hint && h('p', { class: 'hint', id: `${id}-hint` }, opts.hint),
      this.pickedList,
      this.empty,
      h('div', { class: 'combo' }, h('label', { for: `${id}-search` }, t('multi.add', { name: opts.legend })), this.input, this.listbox),
      this.live,
      this.error,
    );
    this.input.addEventListener('input', () => this.open());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    // Browsers submit a form implicitly on the keypress of Enter; in the search it only adds.
    this.input.addEventListener('keypress', (e) => {
      if (e.key === 'Enter') e.preventDefault();
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.renderPicked();
  }

  /** The picked entries with their properties as typed. */
  values(): Picked[] {
    return this.picked.map((p) => {
      const props: Record<string, string> = {};
      const inputs = this.inputsOf.get(p.value);
      for (const spec of this.opts.props ?? []) props[spec.name] = inputs?.get(spec.name)?.value ?? p.props[spec.name] ?? '';
      return { value: p.value, props };
    });
  }

  /** Marks the whole widget (message) or clears it (''). */
  setError(message: string): void {
    this.error.textContent = message;
    if (message) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
    this.describe();
  }

  /** Marks one picked entry's property input (or the entry when prop is undefined). */
  setItemError(value: string, message: string, prop?: string): boolean {
    const slot = this.itemErrors.get(value);
    if (!slot) return false;
    slot.textContent = message;
    const target = prop ? this.inputsOf.get(value)?.get(prop) : undefined;
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', slot.id);
    }
    return true;
  }

  clearErrors(): void {
    this.setError('');
    for (const slot of this.itemErrors.values()) slot.textContent = '';
    for (const inputs of this.inputsOf.values())
      for (const input of inputs.values()) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
  }

  /** The id of the input to focus for an error on this widget, or one entry's property. */
  focusId(value?: string, prop?: string): string {
    if (value && prop) {
      const target = this.inputsOf.get(value)?.get(prop);
      if (target) return target.id;
    }
    return this.input.id;
  }

  label(value: string): string {
    return this.choices.get(value)?.label ?? value;
  }

  private describe(): void {
    const ids = [this.opts.hint ? `${this.opts.id}-hint` : '', this.error.textContent ? this.error.id : ''].filter(Boolean).join(' ');
    if (ids) this.input.setAttribute('aria-describedby', ids);
    else this.input.removeAttribute('aria-describedby');
  }

  private announce(text: string): void {
    this.live.textContent = '';
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => (this.live.textContent = text), 50);
  }

  private renderPicked(): void {
    // Keep what was typed into the properties of entries that stay.
    const typed = new Map(this.values().map((p) => [p.value, p.props]));
    this.inputsOf.clear();
    this.itemErrors.clear();
    const items = this.picked.map((p, i) => {
      const label = this.label(p.value);
      const props = typed.get(p.value) ?? p.props;
      const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
      const controls = (this.opts.props ?? []).map((spec) => {
        const iid = `${this.opts.id}-${i}-${spec.name}`;
        let input: HTMLInputElement | HTMLSelectElement;
        if (spec.type === 'select') {
          input = h('select', { id: iid });
          input.append(h('option', { value: '' }, t('plan.none')));
          for (const o of spec.options ?? []) input.append(h('option', { value: o.value }, o.label));
        } else {
          input = h('input', { id: iid, type: 'text', autocomplete: 'off', ...(spec.type === 'date' ? { inputmode: 'numeric', placeholder: t('multi.datePlaceholder'), class: 'date-input' } : {}) });
        }
        input.value = props[spec.name] ?? '';
        input.addEventListener('change', () => this.opts.onChange?.());
        inputs.set(spec.name, input);
        return h('span', { class: 'picked-prop' }, h('label', { for: iid }, spec.label, h('span', { class: 'visually-hidden' }, ` (${label})`)), input);
      });
      this.inputsOf.set(p.value, inputs);
      const slot = h('p', { class: 'field-error', id: `${this.opts.id}-${i}-error` });
      this.itemErrors.set(p.value, slot);
      const choice = this.choices.get(p.value);
      return h(
        'li',
        { 'data-value': p.value },
        h('span', { class: 'picked-name' }, label, choice?.hint && h('span', { class: 'muted' }, ` · ${choice.hint}`)),
        ...controls,
        h(
          'button',
          { type: 'button', class: 'secondary small', 'aria-label': t('multi.removeNamed', { name: label }), onclick: () => this.remove(p.value) },
          t('multi.remove'),
        ),
        slot,
      );
    });
    replaceChildren(this.pickedList, ...items);
    this.pickedList.hidden = items.length === 0;
    this.empty.hidden = items.length > 0;
  }

  private add(value: string): void {
    if (this.picked.some((p) => p.value === value)) return;
    this.picked.push({ value, props: {} });
    this.renderPicked();
    this.input.value = '';
    this.close();
    this.announce(t('multi.added', { name: this.label(value), count: this.picked.length }));
    this.opts.onChange?.();
  }

  private remove(value: string): void {
    this.picked = this.values().filter((p) => p.value !== value);
    this.renderPicked();
    this.input.focus();
    this.announce(t('multi.removed', { name: this.label(value), count: this.picked.length }));
    this.opts.onChange?.();
  }

  private open(): void {
    const { shown, more } = matchChoices([...this.choices.values()], this.input.value, new Set(this.picked.map((p) => p.value)));
    this.shown = shown;
    this.active = shown.length > 0 ? 0 : -1;
    const options = shown.map((c, i) =>
      h(
        'li',
        {
          role: 'option',
          id: `${this.opts.id}-opt-${i}`,
          'aria-selected': 'false',
          'data-value': c.value,
          onmousedown: (e: Event) => e.preventDefault(),
          onclick: () => this.add(c.value),
        },
        c.label,
        c.hint && h('span', { class: 'muted' }, ` · ${c.hint}`),
      ),
    );
    if (shown.length === 0) options.push(h('li', { class: 'muted combo-empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, t('multi.noMatch')));
    if (more > 0) options.push(h('li', { class: 'muted combo-more', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, t('multi.more', { count: more })));
    replaceChildren(this.listbox, ...options);
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.highlight();
    this.announce(t('multi.matches', { count: shown.length + more }));
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private highlight(): void {
    this.listbox.querySelectorAll('[role="option"]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(i === this.active));
      el.classList.toggle('active', i === this.active);
    });
    if (this.active >= 0) {
      const el = this.listbox.querySelector<HTMLElement>(`#${CSS.escape(`${this.opts.id}-opt-${this.active}`)}`);
      this.input.setAttribute('aria-activedescendant', `${this.opts.id}-opt-${this.active}`);
      el?.scrollIntoView?.({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKey(e: KeyboardEvent): void {
    const expanded = !this.listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) this.open();
        else if (this.shown.length > 0) this.active = (this.active + 1) % this.shown.length;
        this.highlight();
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) this.open();
        else if (this.shown.length > 0) this.active = (this.active - 1 + this.shown.length) % this.shown.length;
        this.highlight();
        return;
      case 'Enter':
        // Enter in the search adds, it never submits the form.
        e.preventDefault();
        if (expanded && this.active >= 0 && this.shown[this.active]) this.add(this.shown[this.active]!.value);
        else if (!expanded) this.open();
        return;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          this.close();
        } else if (this.input.value) {
          e.preventDefault();
          this.input.value = '';
        }
        return;
    }
  }
}

/** A stored date (YYYY-MM-DD) as the property input shows it. */
export function propText(name: string, value: string | undefined): string {
  if (!value) return '';
  return name === 'since' ? dateInput(value) : value;
}
