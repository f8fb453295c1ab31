// The start view. Until the choropleth map exists it lists the regions from
// GET /api/v1/regions, page by page, with loading, empty and error states.

import { isAbort, type Region } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { t, type MessageKey } from '../i18n';
import { viewHeading, type MountView } from './view';

type More = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown };

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: Region[]; total: number; next: string; more: More };

const kindLabels: Record<string, MessageKey> = {
  county: 'regions.kind.county',
  city: 'regions.kind.city',
  state: 'regions.kind.state',
};

/** The region kind in words; kinds the catalogue does not know are shown as sent. */
export function kindLabel(kind: string): string {
  const key = kindLabels[kind];
  return key ? t(key) : kind;
}

export const karteView: MountView = (target, { api }) => {
  const controller = new AbortController();
  let state: State = { status: 'loading' };

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const regionsHeading = h('h2', { id: 'regions-heading', tabindex: -1 });
  // One live region that stays in place, so assistive technology announces its changes.
  const status = h('p', { role: 'status', class: 'status' });
  const body = h('div');
  const section = h('section', { 'aria-labelledby': 'regions-heading' }, regionsHeading, status, body);
  replaceChildren(target, heading, intro, section);

  async function load(cursor: string): Promise<void> {
    try {
      const page = await api.listRegions({ cursor, signal: controller.signal });
      const earlier = state.status === 'ready' && cursor ? state.items : [];
      state = {
        status: 'ready',
        items: [...earlier, ...page.items],
        total: page.total,
        next: page.next_cursor,
        more: { status: 'idle' },
      };
    } catch (error) {
      if (isAbort(error)) return;
      if (cursor && state.status === 'ready') state = { ...state, more: { status: 'error', error } };
      else state = { status: 'error', error };
    }
    render();
  }

  function reload(): void {
    state = { status: 'loading' };
    render();
    void load('');
  }

  function loadMore(): void {
    if (state.status !== 'ready' || !state.next || state.more.status === 'loading') return;
    state = { ...state, more: { status: 'loading' } };
    render();
    void load(state.next);
  }

  function errorBox(error: unknown, retry: () => void): HTMLElement {
    return h(
      'div',
      { role: 'alert', class: 'error' },
      h('p', { class: 'error-title' }, t('regions.errorTitle')),
      h('p', { class: 'error-detail' }, describeError(error)),
      h('button', { type: 'button', 'data-focus': 'retry', onclick: retry }, t('error.retry')),
    );
  }

  function render(): void {
    // Keep keyboard focus on a control that is rebuilt (e.g. "load more").
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && target.contains(active) ? active.dataset.focus : undefined;

    heading.textContent = t('nav.karte');
    intro.textContent = t('karte.intro');
    regionsHeading.textContent = t('regions.heading');
    section.setAttribute('aria-busy', String(state.status === 'loading'));

    switch (state.status) {
      case 'loading':
        status.textContent = t('regions.loading');
        replaceChildren(body);
        break;
      case 'error':
        status.textContent = '';
        replaceChildren(body, errorBox(state.error, reload));
        break;
      case 'ready': {
        const { items, total, next, more } = state;
        status.textContent = items.length === 0 ? t('regions.empty') : t('regions.total', { count: total });
        replaceChildren(
          body,
          items.length > 0 &&
            h(
              'ul',
              { class: 'region-list' },
              ...items.map((region) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'region-name' }, region.name),
                  h(
                    'span',
                    { class: 'region-meta' },
                    `${kindLabel(region.kind)} · ${t('regions.key', { id: region.id })}`,
                  ),
                ),
              ),
            ),
          more.status === 'error' && errorBox(more.error, loadMore),
          // The button stays while the next page loads, so keyboard focus is not lost.
          next !== '' &&
            more.status !== 'error' &&
            h(
              'button',
              {
                type: 'button',
                class: 'more',
                'data-focus': 'more',
                'aria-disabled': more.status === 'loading' ? 'true' : null,
                onclick: loadMore,
              },
              more.status === 'loading' ? t('regions.loadingMore') : t('regions.loadMore'),
            ),
        );
        break;
      }
    }

    if (focused) {
      const again = target.querySelector<HTMLElement>(`[data-focus="${focused}"]`);
      (again ?? regionsHeading).focus();
    }
  }

  reload();
  return {
    relabel: render,
    unmount: () => controller.abort(),
  };
};
