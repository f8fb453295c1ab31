// Partner finden: choose an organisation and get organisations it has no tie with yet,
// ranked by how well they fit (shared fields, municipalities and target groups, what they
// add, common partners), each with its reasons in words and the contact data the viewer's
// role permits (contact people's e-mail and phone only for coordinators).

import { h, replaceChildren } from '../dom';
import { formatInt, formatPercent } from '../format';
import { t, type MessageKey } from '../i18n';
import { orgKindLabel } from '../labels';
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
  let state = readQuery(location.search, ['region', 'org'] as const);
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
  replaceChildren(target, heading, intro, controls, status, list);

  function write(): void {
    replaceQuery({ region: state.region, org: state.org });
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
      (signal) => api.partners(org, 10, signal),
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
          write();
          void loadOrgs(region);
          load();
        },
      }),
      selectField({
        id: 'partner-org',
        label: t('partner.org'),
        options: orgs.map((o) => ({ value: o.id, label: o.name })),
        value: state.org,
        empty: t('partner.orgChoose'),
        onChange: (org) => {
          state = { ...state, org: org || undefined };
          write();
          load();
        },
      }),
    );
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
        status.textContent = t('partner.summary', { name: d.organisation.name, count: d.partners.length });
        replaceChildren(
          list,
          h('p', { class: 'muted' }, t('partner.basis', { candidates: formatInt(d.candidates), tied: formatInt(d.tied) })),
          !seesPeople && h('p', { class: 'note' }, t('partner.peopleHidden')),
          d.partners.length === 0 ? emptyBox(t('partner.empty')) : h('ol', { class: 'partner-list' }, ...d.partners.map((p, i) => partnerView(p, i + 1))),
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
