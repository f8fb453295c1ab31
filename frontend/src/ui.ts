// Building blocks the views share: loading, empty and error states, labelled form controls,
// and a loader that cancels the previous request when a newer one starts.

import { isAbort } from './api';
import { h } from './dom';
import { describeError } from './errors';
import { t } from './i18n';

/** A polite live region; views set its text to announce loading and results. */
export function statusLine(extraClass = ''): HTMLParagraphElement {
  return h('p', { role: 'status', class: `status ${extraClass}`.trim() });
}

/** The state while something loads: a spinner and a sentence. */
export function loadingBox(text: string): HTMLElement {
  return h('div', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, text));
}

/** The state when there is nothing to show, with what to do about it. */
export function emptyBox(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/**
 * A failed request: what failed, the server's detail (RFC 9457) or a sentence for network
 * errors, and a retry button when retry is given.
 */
export function errorBox(title: string, error: unknown, retry?: () => void): HTMLElement {
  return h(
    'div',
    { role: 'alert', class: 'error' },
    h('p', { class: 'error-title' }, title),
    h('p', { class: 'error-detail' }, describeError(error)),
    retry && h('button', { type: 'button', class: 'secondary', 'data-focus': 'retry', onclick: retry }, t('error.retry')),
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A <select> with its visible label; `onChange` gets the chosen value. */
export function selectField(opts: {
  id: string;
  label: string;
  options: readonly Option[];
  value: string | undefined;
  onChange: (value: string) => void;
  /** Label of an extra first option with the value "" (e.g. "all fields"). */
  empty?: string;
  disabled?: boolean;
}): HTMLElement {
  const select = h('select', { id: opts.id, name: opts.id, disabled: opts.disabled ?? false });
  if (opts.empty !== undefined) select.append(h('option', { value: '' }, opts.empty));
  for (const o of opts.options) select.append(h('option', { value: o.value }, o.label));
  select.value = opts.value ?? '';
  select.addEventListener('change', () => opts.onChange(select.value));
  return h('div', { class: 'control' }, h('label', { for: opts.id }, opts.label), select);
}

/** A text input with its label. */
export function inputField(opts: {
  id: string;
  label: string;
  value?: string;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  onInput?: (value: string) => void;
}): { wrap: HTMLElement; input: HTMLInputElement } {
  const hintId = opts.hint ? `${opts.id}-hint` : undefined;
  const input = h('input', {
    id: opts.id,
    name: opts.id,
    type: opts.type ?? 'text',
    autocomplete: opts.autocomplete,
    required: opts.required ?? false,
    'aria-describedby': hintId,
  });
  input.value = opts.value ?? '';
  if (opts.onInput) {
    const onInput = opts.onInput;
    input.addEventListener('input', () => onInput(input.value));
  }
  const wrap = h(
    'div',
    { class: 'control' },
    h('label', { for: opts.id }, opts.label),
    input,
    hintId && h('p', { id: hintId, class: 'hint' }, opts.hint ?? ''),
  );
  return { wrap, input };
}

/** A definition list from label/value pairs; pairs without a value are left out. */
export function facts(pairs: readonly [string, string | Node | undefined | null | false][]): HTMLDListElement {
  const dl = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === false || value === '') continue;
    dl.append(h('dt', {}, label), h('dd', {}, value));
  }
  return dl;
}

/** The state of something a view loads. */
export type Loadable<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Runs one request at a time: starting a new one aborts the one before, and an aborted
 * request reports nothing. unmount() aborts for good.
 */
export class Loader {
  private controller: AbortController | undefined;
  private stopped = false;
  private running = false;

  /** True while a request runs (and was not aborted). */
  get busy(): boolean {
    return this.running;
  }

  run<T>(load: (signal: AbortSignal) => Promise<T>, done: (data: T) => void, failed: (error: unknown) => void): void {
    if (this.stopped) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.running = true;
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        this.running = false;
        done(data);
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        this.running = false;
        failed(error);
      },
    );
  }

  /**
   * Runs load and reports its progress through set: loading at once, then ready or error
   * (nothing when aborted). after runs once the data is set.
   */
  track<T>(load: (signal: AbortSignal) => Promise<T>, set: (state: Loadable<T>) => void, after?: (data: T) => void): void {
    if (this.stopped) return;
    set({ status: 'loading' });
    this.run(
      load,
      (data) => {
        set({ status: 'ready', data });
        after?.(data);
      },
      (error) => set({ status: 'error', error }),
    );
  }

  /** Aborts the running request. */
  abort(): void {
    this.controller?.abort();
    this.running = false;
  }

  /** Aborts and refuses further runs. */
  stop(): void {
    this.stopped = true;
    this.abort();
  }
}

/** The value's visible placeholder for "not given". */
export const dash = '–';

/**
 * A box that scrolls a wide table sideways on narrow screens. It can take the keyboard's
 * focus (so the table can be scrolled without a mouse) and is a named region.
 */
export function scrollBox(label: string, child: HTMLElement): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('ui.scrollTable', { name: label }) }, child);
}
