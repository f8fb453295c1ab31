// Partner finden: choose an organisation and get organisations it has no tie with yet,
// ranked by how well they fit (shared fields, municipalities and target groups, what they
// add, common partners), each with its reasons in words and the contact data the viewer's
// role permits (contact people's e-mail and phone only for coordinators). The organisation is
// picked from a list narrowed by typing; the suggestions can be filtered by Handlungsfeld,
// Kommune and Zielgruppe (on what their reasons name, since the API has no such filters).

import { h, replaceChildren } from '../dom';
import { formatInt, formatPercent } from '../format';
import { t, type MessageKey } from '../i18n';
import { orgKindLabel } from '../labels';
import { facetOptions, filterPartners, narrowOptions, type Facet } from '../partnerfilter';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import type { Named, Organisation, Partner, PartnerReason, Partners, Region } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, statusLine, type Loadable } from '../ui';
import { readQuery, replaceQuery, withQuery } from '../url';
import { detailPath } from './detail';
import { viewHeading, type MountView } from './view';

const reasonKeys: Record<string, MessageKey> = {
  shared_fields: 'partner.reason.shared_fields',
  shared_municipalities: 'partner.reason.shared_municipalities',
  shared_target_groups: 'partner.reason.shared_target_groups',
  complementary_fields: 'partner.reason.complementary_fields',
  common_partners: 'partner.reason.common_partners',
};

/** How many suggestions are fetched (the API's maximum), so filters have enough to choose from. */
const fetchLimit = 100;
/** How many suggestions are shown. */
const shownLimit = 10;

const facets: { facet: Facet; label: MessageKey; all: MessageKey }[] = [
  { facet: 'field', label: 'filter.field', all: 'filter.allFields' },
  { facet: 'municipality', label: 'filter.municipality', all: 'filter.allMunicipalities' },
  { facet: 'group', label: 'filter.targetGroup', all: 'filter.allGroups' },
];

const partKeys: [keyof Partner['parts'], MessageKey][] = [
  ['fields', 'partner.part.fields'],
  ['municipalities', 'partner.part.municipalities'],
  ['target_groups', 'partner.part.target_groups'],
  ['complementarity', 'partner.part.complementarity'],
  ['proximity', 'partner.part.proximity'],
];

/** Names as a sentence list, at most max of them: "A, B und 3 weitere". */
export function listNames(items: readonly Named[], max = 5): string {
  const names = items.map((i) => i.name);
  if (names.length <= max) {
    if (names.length <= 1) return names.join('');
    return t('list.andLast', { list: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
  }
  return t('list.andMore', { list: names.slice(0, max).join(', '), count: names.length - max });
}

/** A reason in the current language; codes the catalogue does not know keep the service's words. */
export function reasonText(reason: PartnerReason): string {
  const key = reasonKeys[reason.code];
  if (!key) return reason.text;
  return t(key, { list: listNames(reason.items), count: reason.items.length });
}

export const partnerView: MountView = (target, { api, refdata, session }) => {
  let state = readQuery(location.search, ['region', 'org', 'field', 'municipality', 'group'] as const);
  let regions: Region[] = [];
  let orgs: Organisation[] = [];
  let result: Loadable<Partners> = { status: 'idle' };
  let setupError: unknown;
  const loader = new Loader();
  const setup = new Loader();

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const controls = h('div', { class: 'controls' });
  const status = statusLine();
  const list = h('div', { id: 'partner-results' });
  const filters = h('div', { class: 'controls partner-filters', id: 'partner-filters' });
  replaceChildren(target, heading, intro, controls, filters, status, list);

  // The organisation picker: a search box narrowing the list below it. Both stay the same
  // elements across renders, so typing keeps its place and focus.
  const orgSearch = h('input', {
    type: 'search',
    id: 'partner-org-search',
    autocomplete: 'off',
    'aria-controls': 'partner-org',
    'aria-describedby': 'partner-org-count',
  }) as HTMLInputElement;
  const orgCount = h('p', { class: 'hint', id: 'partner-org-count', 'aria-live': 'polite' });
  const orgSelect = h('select', { id: 'partner-org', name: 'partner-org' }) as HTMLSelectElement;

  function fillOrgs(): void {
    const shown = narrowOptions(orgs, orgSearch.value, state.org);
    replaceChildren(orgSelect, h('option', { value: '' }, t('partner.orgChoose')), ...shown.map((o) => h('option', { value: o.id }, o.name)));
    orgSelect.value = state.org ?? '';
    const matches = narrowOptions(orgs, orgSearch.value).length;
    orgCount.textContent = orgSearch.value.trim() ? t('partner.orgMatches', { shown: matches, total: orgs.length }) : '';
  }

  function chooseOrg(org: string | undefined): void {
    state = { region: state.region, org };
    write();
    load();
  }

  orgSearch.addEventListener('input', fillOrgs);
  orgSearch.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = narrowOptions(orgs, orgSearch.value)[0];
      if (first && orgSearch.value.trim()) {
        e.preventDefault();
        chooseOrg(first.id);
      }
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      orgSelect.focus();
    }
  });
  orgSelect.addEventListener('change', () => chooseOrg(orgSelect.value || undefined));

  function write(): void {
    replaceQuery({ region: state.region, org: state.org, field: state.field, municipality: state.municipality, group: state.group });
  }

  function load(): void {
    const org = state.org;
    if (!org) {
      loader.abort();
      result = { status: 'idle' };
      render();
      return;
    }
    loader.track(
      (signal) => api.partners(org, fetchLimit, signal),
      (v) => {
        result = v;
        render();
      },
    );
  }

  async function loadOrgs(region: string): Promise<void> {
    try {
      const found = await refdata.organisations(region);
      if (region !== state.region) return;
      orgs = found;
    } catch (error) {
      setupError = error;
    }
    render();
  }

  function partnerView(p: Partner, rank: number): HTMLElement {
    const bar = h('span', { class: 'bar-fill' });
    bar.style.width = `${Math.round(Math.min(1, p.score) * 100)}%`;
    const contactLine = [
      p.website && h('a', { href: p.website, rel: 'noopener noreferrer', target: '_blank' }, p.website.replace(/^https?:\/\//, '')),
      p.email && h('a', { href: `mailto:${p.email}` }, p.email),
      p.phone && h('span', {}, p.phone),
    ].filter(Boolean) as HTMLElement[];
    const people = p.contacts.filter((c) => c.name);
    return h(
      'li',
      { class: 'partner', 'data-org': p.organisation },
      h(
        'div',
        { class: 'partner-head' },
        h('h2', {}, h('span', { class: 'rank' }, `${rank}.`), ' ', h('a', { href: detailPath('organisation', p.organisation) }, p.name)),
        h('p', { class: 'muted' }, orgKindLabel(p.kind)),
        h(
          'p',
          { class: 'score' },
          h('span', { class: 'bar', 'aria-hidden': 'true' }, bar),
          h('span', {}, t('partner.score', { score: formatPercent(p.score) })),
        ),
      ),
      h('h3', { class: 'visually-hidden' }, t('partner.reasons')),
      h('ul', { class: 'reasons' }, ...p.reasons.map((r) => h('li', { 'data-reason': r.code }, reasonText(r)))),
      h(
        'details',
        { class: 'partner-parts' },
        h('summary', {}, t('partner.parts')),
        h('dl', { class: 'facts' }, ...partKeys.flatMap(([k, label]) => [h('dt', {}, t(label)), h('dd', {}, formatPercent(p.parts[k]))])),
      ),
      h(
        'div',
        { class: 'contact' },
        h('h3', {}, t('partner.contact')),
        contactLine.length > 0 ? h('p', { class: 'contact-line' }, ...contactLine.flatMap((el, i) => (i ? [' · ', el] : [el]))) : h('p', { class: 'muted' }, t('partner.noContact')),
        people.length > 0 &&
          h(
            'ul',
            { class: 'plain-list contact-people' },
            ...people.map((c) =>
              h(
                'li',
                {},
                h('strong', {}, c.name),
                c.role && ` · ${c.role}`,
                c.email && ' · ',
                c.email && h('a', { href: `mailto:${c.email}` }, c.email),
                c.phone && ` · ${c.phone}`,
              ),
            ),
          ),
      ),
    );
  }

  /** The chosen facet values, from the address. */
  function chosen(): Partial<Record<Facet, string>> {
    return { field: state.field, municipality: state.municipality, group: state.group };
  }

  function renderFilters(): void {
    const focused = document.activeElement instanceof HTMLElement && filters.contains(document.activeElement) ? document.activeElement.id : '';
    const all = result.status === 'ready' ? result.data.partners : [];
    if (all.length === 0) {
      replaceChildren(filters);
      filters.hidden = true;
      return;
    }
    filters.hidden = false;
    filters.setAttribute('role', 'group');
    filters.setAttribute('aria-label', t('partner.filters'));
    replaceChildren(
      filters,
      ...facets.map(({ facet, label, all: allLabel }) =>
        selectField({
          id: `partner-${facet}`,
          label: t(label),
          options: facetOptions(all, facet).map((n) => ({ value: n.id, label: n.name })),
          value: state[facet],
          empty: t(allLabel),
          onChange: (v) => {
            state = { ...state, [facet]: v || undefined };
            write();
            render();
          },
        }),
      ),
      h('p', { class: 'hint partner-filter-hint' }, t('partner.filterHint')),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  function render(): void {
    heading.textContent = t('nav.partner');
    intro.textContent = t('partner.intro');
    const focused = document.activeElement instanceof HTMLElement && controls.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(
      controls,
      selectField({
        id: 'partner-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: (region) => {
          storeRegion(region);
          state = { region };
          orgs = [];
          orgSearch.value = '';
          write();
          void loadOrgs(region);
          load();
        },
      }),
      h('div', { class: 'control' }, h('label', { for: 'partner-org-search' }, t('partner.orgSearch')), orgSearch, orgCount),
      h('div', { class: 'control' }, h('label', { for: 'partner-org' }, t('partner.org')), orgSelect),
    );
    fillOrgs();
    renderFilters();
    if (focused) document.getElementById(focused)?.focus();

    if (setupError) {
      status.textContent = '';
      replaceChildren(
        list,
        errorBox(t('partner.errorSetup'), setupError, () => {
          setupError = undefined;
          boot();
        }),
      );
      return;
    }
    list.setAttribute('aria-busy', String(result.status === 'loading'));
    switch (result.status) {
      case 'idle':
        status.textContent = '';
        replaceChildren(list, h('p', { class: 'empty' }, t('partner.hint')));
        return;
      case 'loading':
        status.textContent = t('partner.loading');
        replaceChildren(list, loadingBox(t('partner.loading')));
        return;
      case 'error':
        status.textContent = '';
        replaceChildren(list, errorBox(t('partner.error'), result.error, load));
        return;
      case 'ready': {
        const d = result.data;
        const seesPeople = !!state.region && session.can(state.region, 'coordinator');
        const filtering = Object.values(chosen()).some(Boolean);
        const matching = filterPartners(d.partners, chosen());
        const shown = matching.slice(0, shownLimit);
        status.textContent = t('partner.summary', { name: d.organisation.name, count: shown.length });
        replaceChildren(
          list,
          h('p', { class: 'muted' }, t('partner.basis', { candidates: formatInt(d.candidates), tied: formatInt(d.tied) })),
          !seesPeople && h('p', { class: 'note' }, t('partner.peopleHidden')),
          filtering && d.partners.length > 0 && h('p', { class: 'partner-filtered' }, t('partner.filtered', { shown: matching.length, count: d.partners.length })),
          d.partners.length === 0
            ? emptyBox(t('partner.empty'))
            : shown.length === 0
              ? emptyBox(t('partner.filteredEmpty'))
              : h('ol', { class: 'partner-list' }, ...shown.map((p, i) => partnerView(p, i + 1))),
          h('p', {}, h('a', { href: withQuery('/netzwerk', { region: state.region, org: d.organisation.id }) }, t('partner.inNetwork', { name: d.organisation.name }))),
        );
      }
    }
  }

  function boot(): void {
    render();
    if (state.region) {
      void loadOrgs(state.region);
      load();
    }
    setup.run(
      () => refdata.regions(),
      (r) => {
        regions = r;
        if (!state.region) {
          state = { region: preferredRegion(regions, storedRegion()) };
          write();
          if (state.region) void loadOrgs(state.region);
        }
        render();
      },
      (error) => {
        setupError = error;
        render();
      },
    );
  }

  // Signing in may reveal contact people: ask again.
  const stopSession = session.onChange(() => (state.org ? load() : render()));
  boot();
  return {
    relabel: render,
    unmount: () => {
      stopSession();
      loader.stop();
      setup.stop();
    },
  };
};
