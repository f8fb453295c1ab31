// Dubletten: two tabs, the selected one in the address (?tab=strukturen). "Angebote" is the
// review queue of possible duplicate offers: clusters of similar measures, each pair with its
// score and the score's parts, both texts side by side with the shared words marked, and one
// click for a verdict (duplicate, intended, not a duplicate). The queue updates at once; the
// analysis is fetched again in the background, and every later run of the service respects
// the verdict. "Doppelstrukturen" reviews overlapping bodies and concepts (views/strukturen.ts).
// Each tab loads when it is first shown.

import { h, replaceChildren } from '../dom';
import { formatDateTime, formatInt, formatPercent, formatScore } from '../format';
import { fragmentOf, segments, spansOf } from '../highlight';
import { t, type MessageKey } from '../i18n';
import { languageName, formatLabel } from '../labels';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import { createTabs } from '../tabs';
import type { DuplicatePair, Duplicates, Measure, Region, Verdict } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, statusLine } from '../ui';
import { readQuery, replaceQuery, withQuery } from '../url';
import { mapLimit, pairKey } from '../util';
import { detailPath } from './detail';
import { createStructuresTab } from './strukturen';
import { viewHeading, type MountView } from './view';

export const verdicts: readonly Verdict[] = ['duplicate', 'intended', 'not_duplicate'];

const verdictKeys: Record<Verdict, MessageKey> = {
  duplicate: 'dubletten.verdict.duplicate',
  intended: 'dubletten.verdict.intended',
  not_duplicate: 'dubletten.verdict.not_duplicate',
};

const kindKeys: Record<string, MessageKey> = {
  data_duplicate: 'dubletten.kind.data_duplicate',
  parallel_offer: 'dubletten.kind.parallel_offer',
  mixed: 'dubletten.kind.mixed',
};

const partKeys: Record<string, MessageKey> = {
  programme: 'dubletten.part.programme',
  languages: 'dubletten.part.languages',
  format: 'dubletten.part.format',
  target_groups: 'dubletten.part.target_groups',
  provider: 'dubletten.part.provider',
  time: 'dubletten.part.time',
};

export { pairKey };

/** A local verdict given in this page, shown until the next analysis arrives. */
interface LocalVerdict {
  verdict: Verdict;
  by: string;
  at: string;
}

/** The tabs of the view; the first one is the default and stays out of the address. */
export const dublettenTabs = ['angebote', 'strukturen'] as const;
export type DublettenTab = (typeof dublettenTabs)[number];

/** The tab a query string selects (Angebote unless it names another known tab). */
export function tabOf(search: string): DublettenTab {
  const tab = readQuery(search, ['tab'] as const).tab;
  return (dublettenTabs as readonly string[]).includes(tab ?? '') ? (tab as DublettenTab) : 'angebote';
}

/** The address state of the view: the region and the tab, the default tab left out. */
export function dublettenQuery(region: string | undefined, tab: DublettenTab): { region?: string; tab?: string } {
  return { region, tab: tab === 'angebote' ? undefined : tab };
}

/**
 * The open queue: pairs without a verdict, after the verdicts given in this page. Returns the
 * clusters with their open pairs (clusters without any left out) and the decided pairs.
 */
export function queue(data: Duplicates, local: ReadonlyMap<string, LocalVerdict>) {
  const verdictOf = (p: DuplicatePair): Verdict | undefined => local.get(pairKey(p.a, p.b))?.verdict ?? p.verdict;
  const clusters = data.clusters
    .map((c) => ({ cluster: c, open: c.pairs.filter((p) => verdictOf(p) === undefined) }))
    .filter((c) => c.open.length > 0);
  const decided = new Map<string, DuplicatePair & { verdict: Verdict }>();
  for (const p of [...data.pairs, ...data.reviewed]) {
    const v = verdictOf(p);
    if (v) decided.set(pairKey(p.a, p.b), { ...p, verdict: v });
  }
  return { clusters, decided: [...decided.values()] };
}

export const dublettenView: MountView = (target, { api, refdata, session }) => {
  let state = readQuery(location.search, ['region'] as const);
  let tab = tabOf(location.search);
  // The region whose duplicate offers were last asked for: the Angebote tab loads when shown.
  let offersFor: string | undefined;
  let regions: Region[] = [];
  let data: { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Duplicates } = { status: 'loading' };
  const measures = new Map<string, Measure>();
  const local = new Map<string, LocalVerdict>();
  const pending = new Set<string>();
  const failures = new Map<string, unknown>();
  let announce = '';
  let setupError: unknown;

  const loader = new Loader();
  const textLoader = new Loader();
  const setup = new Loader();

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const controls = h('div', { class: 'controls' });
  const status = statusLine();
  const signInNote = h('div', { class: 'signin-note' });
  const summary = h('div', { class: 'dup-summary' });
  const queueEl = h('div', { class: 'dup-queue', id: 'dup-queue' });
  const decidedEl = h('section', { class: 'dup-decided', id: 'dup-decided', 'aria-labelledby': 'dup-decided-title' });
  const offersPanel = h('div', { class: 'tab-panel' }, intro, status, summary, queueEl, decidedEl);

  function mayJudge(): boolean {
    return !!state.region && session.can(state.region, 'coordinator');
  }

  const structures = createStructuresTab({ api }, mayJudge);
  const tabs = createTabs<DublettenTab>({
    id: 'dup',
    label: t('dubletten.tabs'),
    tabs: [
      { key: 'angebote', label: t('dubletten.tab.angebote'), panel: offersPanel },
      { key: 'strukturen', label: t('dubletten.tab.strukturen'), panel: structures.panel },
    ],
    selected: tab,
    onSelect: (key) => {
      tab = key;
      replaceQuery(dublettenQuery(state.region, tab));
      showTab();
    },
  });
  const setupEl = h('div', { class: 'setup-error' });
  replaceChildren(target, heading, controls, signInNote, setupEl, tabs.list, offersPanel, structures.panel);

  /** Loads what the selected tab shows, unless it is there for the region already. */
  function showTab(): void {
    if (tab === 'strukturen') structures.show(state.region);
    else if (state.region && offersFor !== state.region) load();
  }

  function load(): void {
    const region = state.region;
    if (!region) return;
    offersFor = region;
    if (data.status !== 'ready') {
      data = { status: 'loading' };
      render();
    }
    loader.run(
      (signal) => api.duplicates(region, signal),
      (loaded) => {
        data = { status: 'ready', data: loaded };
        // What the service now knows replaces what this page remembered.
        local.clear();
        render();
        loadTexts(loaded);
      },
      (error) => {
        data = { status: 'error', error };
        render();
      },
    );
  }

  function loadTexts(d: Duplicates): void {
    const ids = [...new Set([...d.pairs, ...d.reviewed].flatMap((p) => [p.a, p.b]))].filter((id) => !measures.has(id));
    if (ids.length === 0) return;
    textLoader.run(
      (signal) => mapLimit(ids, 6, (id) => api.getNode<Measure>('measures', id, signal).catch(() => undefined)),
      (found) => {
        for (const m of found) if (m) measures.set(m.id, m);
        renderQueue();
      },
      () => undefined,
    );
  }

  async function judge(pair: DuplicatePair, verdict: Verdict): Promise<void> {
    const key = pairKey(pair.a, pair.b);
    if (pending.has(key)) return;
    pending.add(key);
    failures.delete(key);
    renderQueue();
    try {
      const result = await api.recordVerdict(pair.a, pair.b, verdict);
      local.set(key, { verdict: result.verdict, by: result.by, at: result.at });
      announce = t('dubletten.recorded', { a: pair.title_a, b: pair.title_b, verdict: t(verdictKeys[verdict]) });
    } catch (error) {
      failures.set(key, error);
    } finally {
      pending.delete(key);
    }
    render();
    // Focus the next open pair's first button, or the heading when the queue is empty.
    (queueEl.querySelector<HTMLElement>('.verdicts button:not([disabled])') ?? heading).focus();
    // The clusters may change with the verdict: ask the service again, quietly.
    load();
  }

  function measureText(id: string, title: string, matches: DuplicatePair['highlights_a']): HTMLElement {
    const m = measures.get(id);
    return h(
      'div',
      { class: 'dup-text' },
      h('h4', {}, h('a', { href: detailPath('measure', id) }, fragmentOf(segments(title, spansOf(matches, 'title'))))),
      m
        ? h('p', {}, fragmentOf(segments(m.description ?? '', spansOf(matches, 'description'))))
        : h('p', { class: 'muted' }, t('dubletten.textLoading')),
      m &&
        h(
          'p',
          { class: 'muted dup-meta' },
          [m.languages?.map(languageName).join(', '), formatLabel(m.format), m.programme].filter(Boolean).join(' · '),
        ),
    );
  }

  function partsTable(pair: DuplicatePair): HTMLElement {
    const row = (label: string, value: string, a: string, b: string) =>
      h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, value), h('td', {}, a || '–'), h('td', {}, b || '–'));
    return h(
      'table',
      { class: 'dup-parts' },
      h('caption', {}, t('dubletten.partsCaption')),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, t('dubletten.part')), h('th', { scope: 'col', class: 'num' }, t('dubletten.value')), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B')),
      ),
      h(
        'tbody',
        {},
        row(t('dubletten.part.text'), formatScore(pair.text), t('dubletten.sharedTerms', { count: pair.shared_terms.length }), pair.shared_terms.slice(0, 8).join(', ')),
        row(t('dubletten.part.structure'), formatScore(pair.structure), '', ''),
        ...pair.parts.map((part) =>
          row(
            t(partKeys[part.name] ?? 'dubletten.part.other') + (part.weight === 0 ? ` (${t('dubletten.notWeighed')})` : ''),
            part.weight === 0 && (part.name === 'provider' || part.name === 'time') ? (part.value ? t('dubletten.yes') : t('dubletten.no')) : formatPercent(part.value),
            part.a,
            part.b,
          ),
        ),
      ),
    );
  }

  function verdictButtons(pair: DuplicatePair, current?: Verdict): HTMLElement {
    const key = pairKey(pair.a, pair.b);
    const allowed = mayJudge();
    const busy = pending.has(key);
    const failure = failures.get(key);
    return h(
      'div',
      { class: 'verdicts', role: 'group', 'aria-label': t('dubletten.verdictGroup', { a: pair.title_a, b: pair.title_b }) },
      ...verdicts.map((v) =>
        h(
          'button',
          {
            type: 'button',
            class: v === current ? 'current' : v === 'duplicate' ? '' : 'secondary',
            'data-verdict': v,
            disabled: !allowed || busy,
            'aria-pressed': current ? String(v === current) : null,
            onclick: () => void judge(pair, v),
          },
          t(verdictKeys[v]),
        ),
      ),
      busy && h('span', { class: 'muted' }, t('dubletten.saving')),
      failure !== undefined && errorBox(t('dubletten.failed'), failure),
    );
  }

  function pairView(pair: DuplicatePair): HTMLElement {
    return h(
      'article',
      { class: 'dup-pair', 'data-pair': pairKey(pair.a, pair.b) },
      h(
        'header',
        { class: 'dup-pair-head' },
        h('h3', {}, `${pair.title_a} ↔ ${pair.title_b}`),
        h('p', { class: 'dup-score' }, t('dubletten.score', { score: formatScore(pair.score) }), ' · ', h('strong', {}, t(kindKeys[pair.kind] ?? 'dubletten.kind.other'))),
        h('p', { class: 'muted' }, t(pair.kind === 'data_duplicate' ? 'dubletten.hint.merge' : 'dubletten.hint.coordinate')),
      ),
      h('div', { class: 'dup-side' }, measureText(pair.a, pair.title_a, pair.highlights_a), measureText(pair.b, pair.title_b, pair.highlights_b)),
      h('details', { class: 'dup-details' }, h('summary', {}, t('dubletten.why')), partsTable(pair)),
      verdictButtons(pair),
    );
  }

  function renderQueue(): void {
    if (data.status !== 'ready') return;
    const { clusters, decided } = queue(data.data, local);
    const openPairs = clusters.reduce((n, c) => n + c.open.length, 0);
    replaceChildren(
      summary,
      h(
        'p',
        {},
        t('dubletten.summary', {
          open: openPairs,
          clusters: clusters.length,
          decided: decided.length,
          measures: formatInt(data.data.measures),
        }),
      ),
      h(
        'details',
        {},
        h('summary', {}, t('dubletten.formulaTitle')),
        h('p', {}, t('dubletten.formula', { threshold: formatScore(data.data.threshold) })),
      ),
    );
    replaceChildren(
      queueEl,
      clusters.length === 0
        ? emptyBox(t('dubletten.empty'))
        : h(
            'ol',
            { class: 'dup-clusters' },
            ...clusters.map(({ cluster, open }) =>
              h(
                'li',
                { class: 'dup-cluster', 'data-cluster': cluster.id },
                h(
                  'h2',
                  {},
                  t('dubletten.cluster', { count: cluster.measures.length }),
                  ' ',
                  h('span', { class: 'tag' }, t(kindKeys[cluster.kind] ?? 'dubletten.kind.other')),
                ),
                ...open.map(pairView),
              ),
            ),
          ),
    );
    replaceChildren(
      decidedEl,
      h('h2', { id: 'dup-decided-title' }, t('dubletten.decided', { count: decided.length })),
      decided.length === 0
        ? h('p', { class: 'muted' }, t('dubletten.noneDecided'))
        : h(
            'ul',
            { class: 'plain-list dup-decided-list' },
            ...decided.map((p) => {
              const l = local.get(pairKey(p.a, p.b));
              const by = l?.by ?? p.verdict_by;
              const at = l?.at ?? p.verdict_at;
              return h(
                'li',
                { 'data-pair': pairKey(p.a, p.b), 'data-verdict': p.verdict },
                h('a', { href: detailPath('measure', p.a) }, p.title_a),
                ' ↔ ',
                h('a', { href: detailPath('measure', p.b) }, p.title_b),
                ': ',
                h('strong', {}, t(verdictKeys[p.verdict])),
                (by || at) && h('span', { class: 'muted' }, ` (${[by, at && formatDateTime(at)].filter(Boolean).join(', ')})`),
                h('details', { class: 'dup-change' }, h('summary', {}, t('dubletten.change')), verdictButtons(p, p.verdict)),
              );
            }),
          ),
    );
  }

  function render(): void {
    heading.textContent = t('nav.dubletten');
    intro.textContent = t('dubletten.intro');
    tabs.relabel(t('dubletten.tabs'), { angebote: t('dubletten.tab.angebote'), strukturen: t('dubletten.tab.strukturen') });
    replaceChildren(
      controls,
      selectField({
        id: 'dup-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: (region) => {
          storeRegion(region);
          state = { region };
          replaceQuery(dublettenQuery(region, tab));
          local.clear();
          data = { status: 'loading' };
          offersFor = undefined;
          showTab();
        },
      }),
    );
    replaceChildren(
      signInNote,
      !mayJudge() &&
        h(
          'p',
          { class: 'note' },
          session.user ? t('dubletten.notCoordinator') : t('dubletten.signIn'),
          ' ',
          !session.user && h('a', { href: withQuery('/verwaltung', {}) }, t('account.signIn')),
        ),
    );
    // Without regions neither tab can show anything: the error stands above both.
    replaceChildren(setupEl, setupError !== undefined && errorBox(t('dubletten.errorSetup'), setupError, boot));
    if (setupError) {
      status.textContent = '';
      replaceChildren(queueEl);
      return;
    }
    queueEl.setAttribute('aria-busy', String(data.status === 'loading'));
    switch (data.status) {
      case 'loading':
        status.textContent = t('dubletten.loading');
        replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(queueEl, loadingBox(t('dubletten.loading')));
        return;
      case 'error':
        status.textContent = '';
        replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(queueEl, errorBox(t('dubletten.error'), data.error, load));
        return;
      case 'ready':
        status.textContent = announce;
        renderQueue();
    }
  }

  function boot(): void {
    setupError = undefined;
    render();
    if (state.region) showTab();
    setup.run(
      () => refdata.regions(),
      (r) => {
        regions = r;
        if (!state.region) {
          state = { region: preferredRegion(regions, storedRegion()) };
          replaceQuery(dublettenQuery(state.region, tab));
          showTab();
        }
        render();
      },
      (error) => {
        setupError = error;
        render();
      },
    );
  }

  const stopSession = session.onChange(() => {
    render();
    structures.render();
  });
  boot();
  return {
    relabel: () => {
      render();
      structures.relabel();
    },
    unmount: () => {
      stopSession();
      loader.stop();
      textLoader.stop();
      setup.stop();
      structures.unmount();
    },
  };
};
