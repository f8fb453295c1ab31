// Verzeichnis: search over measures, organisations and networks with filters shown as
// removable chips, a paged result list with the matched words highlighted, and the detail
// pages below /verzeichnis/{massnahme|organisation|netzwerk}/{id} (views/detail.ts).

import type { Filters, Page } from '../api';
import { h, replaceChildren } from '../dom';
import { formatInt } from '../format';
import { excerpt, fragmentOf, segments, spansOf } from '../highlight';
import { t, type MessageKey } from '../i18n';
import { languageName, measureStatuses, networkKindLabel, orgKindLabel, statusLabel } from '../labels';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import type { Field, Municipality, Region, SearchHit, TargetGroup } from '../types';
import { emptyBox, errorBox, inputField, loadingBox, Loader, selectField, statusLine, type Option } from '../ui';
import { readQuery, replaceQuery } from '../url';
import { detailView, detailPath } from './detail';
import { newEntryPath, newEntryView } from './entrypage';
import { viewHeading, type MountView } from './view';

/** Results per page. */
export const PAGE_SIZE = 20;

/** Languages offered as a filter (the most frequent in integration work first, then by name). */
export const searchLanguages = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa', 'ro', 'pl', 'bg', 'el', 'it', 'hr', 'ku', 'prs', 'ps', 'sq', 'fr', 'ti', 'so'];

const keys = ['region', 'q', 'types', 'municipality', 'field', 'target_group', 'language', 'status', 'cursor'] as const;
type SearchState = Partial<Record<(typeof keys)[number], string>>;

/** The filters that show as chips, in their order. */
const chipKeys = ['types', 'municipality', 'field', 'target_group', 'language', 'status'] as const;
type ChipKey = (typeof chipKeys)[number];

const chipLabel: Record<ChipKey, MessageKey> = {
  types: 'filter.type',
  municipality: 'filter.municipality',
  field: 'filter.field',
  target_group: 'filter.targetGroup',
  language: 'filter.language',
  status: 'filter.status',
};

const typeLabels: Record<string, MessageKey> = {
  measure: 'verzeichnis.type.measure',
  organisation: 'verzeichnis.type.organisation',
  network: 'verzeichnis.type.network',
};

const pluralTypeLabels: Record<string, MessageKey> = {
  measure: 'verzeichnis.type.measures',
  organisation: 'verzeichnis.type.organisations',
  network: 'verzeichnis.type.networks',
};

/** The route module: the search at /verzeichnis, a detail page below it. */
export const verzeichnisView: MountView = (target, ctx) => {
  const created = /^\/verzeichnis\/neu\/(massnahme|organisation|netzwerk|person)$/.exec(location.pathname.replace(/\/+$/, ''));
  if (created) return newEntryView(target, ctx, created[1]!);
  const detail = /^\/verzeichnis\/(massnahme|organisation|netzwerk|person)\/([^/]+)$/.exec(location.pathname.replace(/\/+$/, ''));
  if (detail) return detailView(target, ctx, detail[1] as 'massnahme' | 'organisation' | 'netzwerk' | 'person', decodeURIComponent(detail[2]!));
  return searchView(target, ctx);
};

const searchView: MountView = (target, { api, refdata, session }) => {
  let state: SearchState = readQuery(location.search, keys);
  let regions: Region[] = [];
  let fields: Field[] = [];
  let municipalities: Municipality[] = [];
  let groups: TargetGroup[] = [];
  // Cursors of the pages before the current one, for "previous page".
  let previous: string[] = [];
  let pageNo = 1;
  let results: { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; page: Page<SearchHit> } = {
    status: 'idle',
  };
  let setupError: unknown;
  const loader = new Loader();
  const setup = new Loader();

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  // For coordinators of the region: links to create an offer, an organisation or a network.
  const creators = h('nav', { class: 'actions new-entry', id: 'new-entry' });
  // After a deletion the page opens here once with the deleted entry's name.
  const deletedName = new URLSearchParams(location.search).get('deleted');
  const notice = deletedName ? h('p', { role: 'status', class: 'note', id: 'verzeichnis-notice' }) : null;
  const query = inputField({ id: 'search-q', label: '', type: 'search', autocomplete: 'off' });
  query.input.value = state.q ?? '';
  const submit = h('button', { type: 'submit' });
  const form = h('form', { role: 'search', class: 'search-form', id: 'search-form' }, h('div', { class: 'search-row' }, query.wrap, submit));
  const filters = h('div', { class: 'controls filters' });
  const chips = h('div', { class: 'chips', 'aria-live': 'polite' });
  const status = statusLine();
  const list = h('div', { class: 'results', id: 'search-results' });
  const pager = h('nav', { class: 'pager' });
  replaceChildren(target, heading, intro, notice, creators, form, filters, chips, status, list, pager);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update({ q: query.input.value.trim() || undefined });
  });

  function write(): void {
    replaceQuery({
      region: state.region,
      q: state.q,
      types: state.types,
      municipality: state.municipality,
      field: state.field,
      target_group: state.target_group,
      language: state.language,
      status: state.status,
      cursor: state.cursor,
    });
  }

  /** Changes the search; any change but paging starts again at the first page. */
  function update(change: SearchState, paging = false): void {
    state = { ...state, ...change };
    if (!paging) {
      state.cursor = undefined;
      previous = [];
      pageNo = 1;
    }
    for (const key of Object.keys(state) as (keyof SearchState)[]) if (!state[key]) delete state[key];
    write();
    renderFilters();
    renderChips();
    renderCreators();
    search();
  }

  function renderCreators(): void {
    const region = state.region;
    if (!region || !session.can(region, 'coordinator')) {
      replaceChildren(creators);
      creators.hidden = true;
      return;
    }
    creators.hidden = false;
    creators.setAttribute('aria-label', t('entry.newLabel'));
    replaceChildren(
      creators,
      ...(['measures', 'organisations', 'networks', 'actors'] as const).map((c) =>
        h('a', { class: 'button-link', href: newEntryPath(c, region), id: `new-${c}` }, t(`entry.new.${c}` as const)),
      ),
    );
  }

  function search(): void {
    if (!state.region) return;
    results = { status: 'loading' };
    renderResults();
    const f: Filters & { types?: string } = {
      region: state.region,
      municipality: state.municipality,
      field: state.field,
      target_group: state.target_group,
      language: state.language,
      status: state.status,
      types: state.types,
    };
    loader.run(
      (signal) => api.search(state.q ?? '', f, { limit: PAGE_SIZE, cursor: state.cursor, signal }),
      (page) => {
        results = { status: 'ready', page };
        renderResults();
      },
      (error) => {
        results = { status: 'error', error };
        renderResults();
      },
    );
  }

  async function loadRegionLists(region: string): Promise<void> {
    const [f, m] = await Promise.all([
      refdata.fields(region).catch(() => [] as Field[]),
      refdata.municipalities(region).catch(() => [] as Municipality[]),
    ]);
    if (state.region !== region) return;
    fields = f;
    municipalities = m;
    renderFilters();
    renderChips();
  }

  function nameOf(key: ChipKey, value: string): string {
    switch (key) {
      case 'types':
        return t(pluralTypeLabels[value] ?? 'verzeichnis.type.all');
      case 'municipality':
        return municipalities.find((m) => m.id === value)?.name ?? value;
      case 'field':
        return fields.find((f) => f.id === value)?.name ?? value;
      case 'target_group':
        return groups.find((g) => g.id === value)?.name ?? value;
      case 'language':
        return languageName(value);
      case 'status':
        return statusLabel(value);
    }
  }

  function renderFilters(): void {
    const languageOptions: Option[] = searchLanguages
      .map((code) => ({ value: code, label: languageName(code) }))
      .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : a.label.localeCompare(b.label)));
    const controls = [
      selectField({
        id: 'search-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: (region) => {
          storeRegion(region);
          fields = [];
          municipalities = [];
          update({ region, municipality: undefined, field: undefined });
          void loadRegionLists(region);
        },
      }),
      selectField({
        id: 'search-types',
        label: t('filter.type'),
        options: [
          { value: 'measure', label: t('verzeichnis.type.measures') },
          { value: 'organisation', label: t('verzeichnis.type.organisations') },
          { value: 'network', label: t('verzeichnis.type.networks') },
        ],
        value: state.types,
        empty: t('filter.allTypes'),
        onChange: (types) => update({ types }),
      }),
      selectField({
        id: 'search-municipality',
        label: t('filter.municipality'),
        options: municipalities.map((m) => ({ value: m.id, label: m.name })),
        value: state.municipality,
        empty: t('filter.allMunicipalities'),
        onChange: (municipality) => update({ municipality }),
      }),
      selectField({
        id: 'search-field',
        label: t('filter.field'),
        options: fields.map((f) => ({ value: f.id, label: f.name })),
        value: state.field,
        empty: t('filter.allFields'),
        onChange: (field) => update({ field }),
      }),
      selectField({
        id: 'search-group',
        label: t('filter.targetGroup'),
        options: groups.map((g) => ({ value: g.id, label: g.name })),
        value: state.target_group,
        empty: t('filter.allGroups'),
        onChange: (target_group) => update({ target_group }),
      }),
      selectField({
        id: 'search-language',
        label: t('filter.language'),
        options: languageOptions,
        value: state.language,
        empty: t('filter.allLanguages'),
        onChange: (language) => update({ language }),
      }),
      selectField({
        id: 'search-status',
        label: t('filter.status'),
        options: measureStatuses.map((s) => ({ value: s, label: statusLabel(s) })),
        value: state.status,
        empty: t('filter.allStatuses'),
        onChange: (status) => update({ status }),
      }),
    ];
    // Keep focus on the control the user just changed.
    const focused = document.activeElement instanceof HTMLElement && filters.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(filters, ...controls);
    filters.setAttribute('aria-label', t('verzeichnis.filters'));
    if (focused) document.getElementById(focused)?.focus();
  }

  function renderChips(): void {
    const active = chipKeys.filter((key) => state[key]);
    if (active.length === 0) {
      replaceChildren(chips);
      return;
    }
    replaceChildren(
      chips,
      h('span', { class: 'chips-label' }, t('verzeichnis.activeFilters')),
      h(
        'ul',
        {},
        ...active.map((key) => {
          const value = nameOf(key, state[key]!);
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'chip',
                'data-filter': key,
                'aria-label': t('verzeichnis.removeFilter', { filter: t(chipLabel[key]), value }),
                onclick: () => {
                  update({ [key]: undefined });
                  (chips.querySelector<HTMLElement>('button.chip') ?? query.input).focus();
                },
              },
              h('span', {}, `${t(chipLabel[key])}: ${value}`),
              h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'),
            ),
          );
        }),
      ),
      active.length > 1 &&
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              update({ types: undefined, municipality: undefined, field: undefined, target_group: undefined, language: undefined, status: undefined });
              query.input.focus();
            },
          },
          t('verzeichnis.clearFilters'),
        ),
    );
  }

  function hitView(hit: SearchHit): HTMLElement {
    const item = hit.item;
    const title = item.title ?? item.name ?? item.id;
    const titleField = item.title !== undefined ? 'title' : 'name';
    const meta: string[] = [t(typeLabels[hit.kind] ?? 'verzeichnis.type.all')];
    if (hit.kind === 'measure' && item.status) meta.push(statusLabel(item.status));
    if (hit.kind === 'organisation' && item.kind) meta.push(orgKindLabel(item.kind));
    if (hit.kind === 'network' && item.kind) meta.push(networkKindLabel(item.kind));
    const description = item.description ?? '';
    return h(
      'li',
      { class: `hit hit-${hit.kind}`, 'data-id': item.id },
      h('p', { class: 'hit-meta' }, meta.join(' · ')),
      h(
        'h2',
        { class: 'hit-title' },
        h('a', { href: detailPath(hit.kind, item.id) }, fragmentOf(segments(title, spansOf(hit.matches, titleField)))),
      ),
      description && h('p', { class: 'hit-text' }, fragmentOf(excerpt(segments(description, spansOf(hit.matches, 'description')), 260))),
    );
  }

  function renderResults(): void {
    list.setAttribute('aria-busy', String(results.status === 'loading'));
    if (setupError) {
      status.textContent = '';
      replaceChildren(
        list,
        errorBox(t('verzeichnis.errorSetup'), setupError, () => {
          setupError = undefined;
          boot();
        }),
      );
      replaceChildren(pager);
      return;
    }
    switch (results.status) {
      case 'idle':
      case 'loading':
        status.textContent = t('verzeichnis.loading');
        replaceChildren(list, loadingBox(t('verzeichnis.loading')));
        replaceChildren(pager);
        return;
      case 'error':
        status.textContent = '';
        replaceChildren(list, errorBox(t('verzeichnis.error'), results.error, search));
        replaceChildren(pager);
        return;
      case 'ready': {
        const { page } = results;
        const first = (pageNo - 1) * PAGE_SIZE + 1;
        const last = first + page.items.length - 1;
        status.textContent =
          page.total === 0
            ? t('verzeichnis.none')
            : t('verzeichnis.count', { total: page.total, first: formatInt(first), last: formatInt(last) });
        replaceChildren(
          list,
          page.items.length === 0
            ? emptyBox(state.q ? t('verzeichnis.emptyQuery', { q: state.q }) : t('verzeichnis.empty'))
            : h('ol', { class: 'hit-list', start: first }, ...page.items.map(hitView)),
        );
        const prev = h('button', { type: 'button', class: 'secondary', 'data-focus': 'prev', disabled: pageNo === 1 }, t('verzeichnis.prev'));
        const next = h('button', { type: 'button', class: 'secondary', 'data-focus': 'next', disabled: !page.next_cursor }, t('verzeichnis.next'));
        prev.addEventListener('click', () => {
          const cursor = previous.pop();
          pageNo = Math.max(1, pageNo - 1);
          update({ cursor: cursor || undefined }, true);
          list.scrollIntoView?.({ block: 'start' });
        });
        next.addEventListener('click', () => {
          previous.push(state.cursor ?? '');
          pageNo++;
          update({ cursor: page.next_cursor }, true);
          list.scrollIntoView?.({ block: 'start' });
        });
        pager.setAttribute('aria-label', t('verzeichnis.paging'));
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
        replaceChildren(
          pager,
          page.total > PAGE_SIZE && prev,
          page.total > PAGE_SIZE && h('span', { class: 'pager-info' }, t('verzeichnis.page', { page: pageNo, pages: Math.ceil(page.total / PAGE_SIZE) })),
          page.total > PAGE_SIZE && next,
        );
        if (focused === 'prev' || focused === 'next') (pager.querySelector<HTMLElement>(`[data-focus="${focused}"]:not([disabled])`) ?? heading).focus();
      }
    }
  }

  function render(): void {
    heading.textContent = t('nav.verzeichnis');
    intro.textContent = t('verzeichnis.intro');
    (query.wrap.querySelector('label') as HTMLLabelElement).textContent = t('verzeichnis.query');
    query.input.placeholder = t('verzeichnis.placeholder');
    submit.textContent = t('verzeichnis.submit');
    if (notice && deletedName) notice.textContent = t('entry.deleted', { name: deletedName });
    renderCreators();
    renderFilters();
    renderChips();
    renderResults();
  }

  function boot(): void {
    render();
    setup.run(
      () => Promise.all([refdata.regions(), refdata.targetGroups().catch(() => [] as TargetGroup[])]),
      ([r, g]) => {
        regions = r;
        groups = g;
        if (!state.region || !regions.some((x) => x.id === state.region)) state.region = preferredRegion(regions, storedRegion());
        write();
        renderFilters();
        renderCreators();
        if (!state.region) {
          results = { status: 'ready', page: { items: [], next_cursor: '', total: 0 } };
          renderResults();
          return;
        }
        void loadRegionLists(state.region);
        search();
      },
      (error) => {
        setupError = error;
        renderResults();
      },
    );
  }

  boot();
  const stopSession = session.onChange(() => renderCreators());
  return {
    relabel: render,
    unmount: () => {
      stopSession();
      loader.stop();
      setup.stop();
    },
  };
};
