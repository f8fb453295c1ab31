// Dubletten: two tabs, "Angebote" and "Doppelstrukturen"; Angebote has two views of its own,
// "Gemeldete Paare" and "Prüfliste" (tabs within the tab). What is shown is in the address
// (?tab=pruefliste, ?tab=strukturen). "Gemeldete Paare" lists the possible duplicate offers:
// clusters of similar measures, each pair with the model's probability and why it was
// detected (the features with their weights), both texts side by side with the shared words
// marked, and one click for a verdict (duplicate, intended, not a duplicate). "Prüfliste"
// lists the pairs the model is least sure about, whose verdicts teach it the most, beside the
// model (views/dublettenmodel.ts). Both update at once; the analysis is fetched again in the
// background — with a new verdict the model is refitted — and every later run of the service
// respects the verdict. "Doppelstrukturen" reviews overlapping bodies and concepts
// (views/strukturen.ts). Each tab loads when it is first shown; ?model=built_in scores without
// the region's verdicts.

import type { MergeRecord } from '../api';
import { h, replaceChildren } from '../dom';
import { formatDateTime, formatInt, formatScore } from '../format';
import { fragmentOf, segments, spansOf } from '../highlight';
import { t, type MessageKey } from '../i18n';
import { formatLabel, languageName } from '../labels';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import { createTabs } from '../tabs';
import type { DuplicateModelChoice, DuplicatePair, Duplicates, Measure, OfferVerdict, Region, Verdict } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, statusLine, type Option } from '../ui';
import { readQuery, replaceQuery, withQuery } from '../url';
import { mapLimit, pairKey } from '../util';
import { coordinationAnchor, coordinationText, parseDue } from './coordination';
import { detailPath } from './detail';
import { modelPanel, modelSource, reviewQueue, verdictOfModel, whyBlock } from './dublettenmodel';
import { openMergeDialog } from './merge';
import { createStructuresTab } from './strukturen';
import { viewHeading, type MountView } from './view';

export const verdicts: readonly Verdict[] = ['duplicate', 'intended', 'not_duplicate'];

const verdictKeys: Record<OfferVerdict, MessageKey> = {
  duplicate: 'dubletten.verdict.duplicate',
  intended: 'dubletten.verdict.intended',
  not_duplicate: 'dubletten.verdict.not_duplicate',
  coordinating: 'dubletten.verdict.coordinating',
};

const kindKeys: Record<string, MessageKey> = {
  data_duplicate: 'dubletten.kind.data_duplicate',
  parallel_offer: 'dubletten.kind.parallel_offer',
  mixed: 'dubletten.kind.mixed',
};

export { pairKey };
export { reviewQueue };

/** A local verdict given in this page, shown until the next analysis arrives. */
interface LocalVerdict {
  verdict: OfferVerdict;
  /** The due date of a coordination. */
  due?: string;
  by: string;
  at: string;
  note?: string;
}

/**
 * What the view shows, as the address names it: the reported pairs (Angebote, the default,
 * which stays out of the address), the Prüfliste within Angebote, or Doppelstrukturen.
 */
export const dublettenTabs = ['angebote', 'pruefliste', 'strukturen'] as const;
export type DublettenTab = (typeof dublettenTabs)[number];

/** The tabs of the view, and the views within Angebote. */
type MainTab = 'angebote' | 'strukturen';
type OffersView = 'paare' | 'pruefliste';

/** The tab a query string selects (Angebote unless it names another known tab). */
export function tabOf(search: string): DublettenTab {
  const tab = readQuery(search, ['tab'] as const).tab;
  return (dublettenTabs as readonly string[]).includes(tab ?? '') ? (tab as DublettenTab) : 'angebote';
}

/** The model a query string asks for: built_in scores without the region's verdicts. */
export function modelOf(search: string): DuplicateModelChoice {
  return readQuery(search, ['model'] as const).model === 'built_in' ? 'built_in' : 'fitted';
}

/** The filters of the offered pairs: a municipality and a field both entries share, a kind. */
export interface PairFilter {
  municipality?: string;
  field?: string;
  kind?: string;
}

/** The kinds of pair the filter offers. */
const filterKinds = ['data_duplicate', 'parallel_offer'] as const;

/** The filters a query string names. */
export function filterOf(search: string): PairFilter {
  const q = readQuery(search, ['municipality', 'field', 'kind'] as const);
  return {
    ...(q.municipality ? { municipality: q.municipality } : {}),
    ...(q.field ? { field: q.field } : {}),
    ...((filterKinds as readonly string[]).includes(q.kind ?? '') ? { kind: q.kind } : {}),
  };
}

/** Whether a pair passes the filters. */
export function passes(pair: DuplicatePair, f: PairFilter): boolean {
  return (
    (!f.municipality || (pair.municipalities ?? []).includes(f.municipality)) &&
    (!f.field || (pair.fields ?? []).includes(f.field)) &&
    (!f.kind || pair.kind === f.kind)
  );
}

/** The address state of the view: the region, the tab, the model and the filters, defaults left out. */
export function dublettenQuery(
  region: string | undefined,
  tab: DublettenTab,
  model: DuplicateModelChoice = 'fitted',
  filter: PairFilter = {},
): { region?: string; tab?: string; model?: string; municipality?: string; field?: string; kind?: string } {
  return {
    region,
    tab: tab === 'angebote' ? undefined : tab,
    model: model === 'built_in' ? model : undefined,
    municipality: filter.municipality,
    field: filter.field,
    kind: filter.kind,
  };
}

/**
 * Rebuilds container with rebuild, keeping what the user had open and focused: the disclosures
 * of each pair stay open, and the focus returns to the same control (verdict button,
 * disclosure, link) of the same pair, or to the first usable verdict button when that pair is
 * gone: the view re-renders whenever texts arrive and when the analysis arrives again after a
 * verdict, and a keyboard user must not be thrown back to the top of the page.
 */
function keepingState(container: HTMLElement, rebuild: () => void): void {
  const where = (el: Element) => {
    const pair = el.closest<HTMLElement>('[data-pair]')?.dataset.pair;
    const details = el.closest('details');
    return pair ? `${pair}|${details?.className ?? ''}` : undefined;
  };
  const open = new Set([...container.querySelectorAll('details[open]')].map(where).filter(Boolean));
  const focused = document.activeElement;
  const mark =
    focused instanceof HTMLElement && container.contains(focused)
      ? { id: focused.id, at: where(focused), verdict: focused.dataset.verdict, href: focused.getAttribute('href'), summary: focused.tagName === 'SUMMARY', cls: focused.classList[0] }
      : undefined;
  rebuild();
  for (const d of container.querySelectorAll('details')) if (open.has(where(d))) d.open = true;
  if (!mark) return;
  const pair = mark.at?.split('|')[0];
  const inPair = pair ? container.querySelector<HTMLElement>(`[data-pair="${pair}"]`) : null;
  const again =
    (mark.id ? document.getElementById(mark.id) : null) ??
    (inPair && mark.verdict ? inPair.querySelector<HTMLElement>(`[data-verdict="${mark.verdict}"]:not([disabled])`) : null) ??
    (inPair && mark.summary ? [...inPair.querySelectorAll<HTMLElement>('summary')].find((s) => where(s) === mark.at) : undefined) ??
    (inPair && mark.href ? [...inPair.querySelectorAll<HTMLElement>('a[href]')].find((a) => a.getAttribute('href') === mark.href) : undefined) ??
    // A control known by its class only (the merge button): the same control of the same pair.
    (inPair && mark.cls ? inPair.querySelector<HTMLElement>(`.${CSS.escape(mark.cls)}`) : null) ??
    container.querySelector<HTMLElement>('.verdicts button:not([disabled])');
  again?.focus();
}

/**
 * The open queue: pairs without a verdict, after the verdicts given in this page. Returns the
 * clusters with their open pairs (clusters without any left out) and the decided pairs.
 */
export function queue(data: Duplicates, local: ReadonlyMap<string, LocalVerdict>) {
  const verdictOf = (p: DuplicatePair): OfferVerdict | undefined => local.get(pairKey(p.a, p.b))?.verdict ?? p.verdict;
  // A pair under coordination stays open: it waits for a final verdict.
  const clusters = data.clusters
    .map((c) => ({ cluster: c, open: c.pairs.filter((p) => verdictOf(p) === undefined || verdictOf(p) === 'coordinating') }))
    .filter((c) => c.open.length > 0);
  const decided = new Map<string, DuplicatePair & { verdict: Verdict }>();
  for (const p of [...data.pairs, ...data.reviewed]) {
    const v = verdictOf(p);
    if (v && v !== 'coordinating') decided.set(pairKey(p.a, p.b), { ...p, verdict: v });
  }
  return { clusters, decided: [...decided.values()] };
}

export const dublettenView: MountView = (target, { api, refdata, session }) => {
  let state = readQuery(location.search, ['region'] as const);
  let tab = tabOf(location.search);
  let model = modelOf(location.search);
  let filter = filterOf(location.search);
  // The names of the region's municipalities and fields, for the filters.
  let names: { region: string; municipalities: Option[]; fields: Option[] } | undefined;
  const namesLoader = new Loader();
  // The region and model whose duplicate offers were last asked for: the Angebote and
  // Prüfliste tabs load when shown.
  let offersFor: string | undefined;
  let regions: Region[] = [];
  let data: { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Duplicates } = { status: 'loading' };
  const measures = new Map<string, Measure>();
  const local = new Map<string, LocalVerdict>();
  const pending = new Set<string>();
  const failures = new Map<string, unknown>();
  /** The notes typed for pairs not yet judged (or judged again), by pair key. */
  const notes = new Map<string, string>();
  let announce = '';
  // After the model switch, the next analysis announces which model scored it.
  let announceModel = false;
  let setupError: unknown;
  // The last merge made here, offered for undoing, and the ids it retired (their pairs leave
  // the queue at once, before the analysis is fetched again).
  let merged: { record: MergeRecord; survivor: string; retired: string; state: 'done' | 'undoing' | 'undone' | 'failed'; error?: unknown } | undefined;
  const retiredIds = new Set<string>();
  /** The pair the address names (#dup-pair-…), until it has been shown. */
  let pairAnchor = location.hash.startsWith('#dup-pair-') ? decodeURIComponent(location.hash.slice(1)) : '';
  // The merge stays offered for undoing while the reviewer looks at the survivor elsewhere in
  // the app (this browser tab only).
  const mergeStore = 'nwa.lastMerge';
  try {
    const kept = JSON.parse(sessionStorage.getItem(mergeStore) ?? 'null') as { record: MergeRecord; survivor: string; retired: string } | null;
    if (kept?.record?.id) merged = { ...kept, state: 'done' };
  } catch {
    sessionStorage.removeItem(mergeStore);
  }

  const loader = new Loader();
  const textLoader = new Loader();
  const setup = new Loader();

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const controls = h('div', { class: 'controls' });
  const status = statusLine();
  const signInNote = h('div', { class: 'signin-note' });
  const summary = h('div', { class: 'dup-summary' });
  const filtersEl = h('div', { class: 'controls dup-filters' });
  const queueEl = h('div', { class: 'dup-queue', id: 'dup-queue' });
  const decidedEl = h('section', { class: 'dup-decided', id: 'dup-decided', 'aria-labelledby': 'dup-decided-title' });
  const pairsPanel = h('div', { class: 'tab-panel' }, queueEl, decidedEl);

  const reviewIntro = h('p', { class: 'dup-review-intro' });
  const reviewEl = h('section', { class: 'dup-review', id: 'dup-review', 'aria-labelledby': 'dup-review-title' });
  const modelEl = h('div', { class: 'dup-model-box' });
  const reviewPanel = h('div', { class: 'tab-panel' }, reviewIntro, h('div', { class: 'dup-review-layout' }, reviewEl, modelEl));

  function mayJudge(): boolean {
    return !!state.region && session.can(state.region, 'coordinator');
  }

  const tabLabels = (): Record<MainTab, string> => ({ angebote: t('dubletten.tab.angebote'), strukturen: t('dubletten.tab.strukturen') });
  const viewLabels = (): Record<OffersView, string> => ({ paare: t('dubletten.view.paare'), pruefliste: t('dubletten.view.pruefliste') });
  // Angebote's own tabs: the reported pairs and the Prüfliste share the analysis, the
  // summary and the status line above them.
  const views = createTabs<OffersView>({
    id: 'dup-view',
    label: t('dubletten.views'),
    tabs: [
      { key: 'paare', label: viewLabels().paare, panel: pairsPanel },
      { key: 'pruefliste', label: viewLabels().pruefliste, panel: reviewPanel },
    ],
    selected: tab === 'pruefliste' ? 'pruefliste' : 'paare',
    onSelect: (key) => {
      tab = key === 'pruefliste' ? 'pruefliste' : 'angebote';
      writeAddress();
      showTab();
    },
  });
  const mergeEl = h('div', { class: 'merge-note' });
  const offersPanel = h('div', { class: 'tab-panel' }, intro, filtersEl, status, mergeEl, summary, views.list, pairsPanel, reviewPanel);
  const structures = createStructuresTab({ api }, mayJudge);
  const tabs = createTabs<MainTab>({
    id: 'dup',
    label: t('dubletten.tabs'),
    tabs: [
      { key: 'angebote', label: tabLabels().angebote, panel: offersPanel },
      { key: 'strukturen', label: tabLabels().strukturen, panel: structures.panel },
    ],
    selected: tab === 'strukturen' ? 'strukturen' : 'angebote',
    onSelect: (key) => {
      tab = key === 'strukturen' ? 'strukturen' : views.selected === 'pruefliste' ? 'pruefliste' : 'angebote';
      writeAddress();
      showTab();
    },
  });
  const setupEl = h('div', { class: 'setup-error' });
  replaceChildren(target, heading, controls, signInNote, setupEl, tabs.list, offersPanel, structures.panel);

  function writeAddress(): void {
    replaceQuery(dublettenQuery(state.region, tab, model, filter));
  }

  /** Loads the names the filters offer, once per region. */
  function loadNames(): void {
    const region = state.region;
    if (!region || names?.region === region) return;
    namesLoader.run(
      () => Promise.all([refdata.municipalities(region), refdata.fields(region)]),
      ([ms, fs]) => {
        const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, 'de');
        names = {
          region,
          municipalities: ms.map((m) => ({ value: m.id, label: m.name })).sort(byName),
          fields: fs.map((f) => ({ value: f.id, label: f.name })).sort(byName),
        };
        renderFilters();
      },
      () => undefined,
    );
  }

  /** The filters above the pairs and the Prüfliste: municipality, field, kind. */
  function renderFilters(): void {
    const set = (change: PairFilter) => {
      filter = Object.fromEntries(Object.entries({ ...filter, ...change }).filter(([, v]) => v)) as PairFilter;
      writeAddress();
      renderQueue();
    };
    keepingState(filtersEl, () =>
      replaceChildren(
        filtersEl,
        selectField({
          id: 'dup-filter-municipality',
          label: t('filter.municipality'),
          empty: t('filter.allMunicipalities'),
          options: names?.municipalities ?? [],
          value: filter.municipality,
          onChange: (municipality) => set({ municipality }),
        }),
        selectField({
          id: 'dup-filter-field',
          label: t('filter.field'),
          empty: t('filter.allFields'),
          options: names?.fields ?? [],
          value: filter.field,
          onChange: (field) => set({ field }),
        }),
        selectField({
          id: 'dup-filter-kind',
          label: t('dubletten.filter.kind'),
          empty: t('dubletten.filter.allKinds'),
          options: filterKinds.map((k) => ({ value: k, label: t(kindKeys[k]!) })),
          value: filter.kind,
          onChange: (kind) => set({ kind }),
        }),
      ),
    );
  }

  /** Loads what the selected tab shows, unless it is there for the region already. */
  function showTab(): void {
    if (tab !== 'strukturen') loadNames();
    if (tab === 'strukturen') structures.show(state.region);
    else if (state.region && offersFor !== `${state.region}|${model}`) load();
    else if (data.status === 'ready') loadTexts(data.data);
  }

  function load(): void {
    const region = state.region;
    if (!region) return;
    const choice = model;
    offersFor = `${region}|${choice}`;
    if (data.status !== 'ready') {
      data = { status: 'loading' };
      render();
    }
    loader.run(
      (signal) => api.duplicates(region, signal, { model: choice }),
      (loaded) => {
        data = { status: 'ready', data: loaded };
        // What the service now knows replaces what this page remembered.
        local.clear();
        if (announceModel) announce = modelSource(loaded.model, choice === 'built_in');
        announceModel = false;
        render();
        loadTexts(loaded);
      },
      (error) => {
        data = { status: 'error', error };
        announceModel = false;
        render();
      },
    );
  }

  /** Loads the texts of the pairs the selected tab shows (the Prüfliste's only there). */
  function loadTexts(d: Duplicates): void {
    const shown = tab === 'pruefliste' ? d.uncertain ?? [] : [...d.pairs, ...d.reviewed];
    const ids = [...new Set(shown.flatMap((p) => [p.a, p.b]))].filter((id) => !measures.has(id));
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

  /** Records a verdict given in list (the Angebote or the Prüfliste). */
  async function judge(pair: DuplicatePair, verdict: OfferVerdict, list: HTMLElement, due?: string): Promise<void> {
    const key = pairKey(pair.a, pair.b);
    if (pending.has(key)) return;
    pending.add(key);
    failures.delete(key);
    renderQueue();
    try {
      const note = notes.get(key)?.trim();
      const result = await api.recordVerdict(pair.a, pair.b, verdict, note || undefined, due);
      local.set(key, { verdict: result.verdict, by: result.by, at: result.at, ...(result.note ? { note: result.note } : {}), ...(result.due ? { due: result.due } : {}) });
      dues.delete(key);
      notes.delete(key);
      announce = t('dubletten.recorded', { a: pair.title_a, b: pair.title_b, verdict: t(verdictKeys[verdict]) });
    } catch (error) {
      failures.set(key, error);
    } finally {
      pending.delete(key);
    }
    render();
    // Focus the next open pair's first button, or the heading when the list is empty.
    (list.querySelector<HTMLElement>('.verdicts button:not([disabled])') ?? heading).focus();
    // The clusters, the model and the Prüfliste change with the verdict: ask the service
    // again, quietly (it refits the model with the new verdict).
    offersFor = undefined;
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

  function verdictButtons(pair: DuplicatePair, list: HTMLElement, current?: Verdict): HTMLElement {
    const key = pairKey(pair.a, pair.b);
    const allowed = mayJudge();
    const busy = pending.has(key);
    const failure = failures.get(key);
    // A note goes with the verdict (why the entries are, or are not, one offer).
    const noteId = `dup-note-${list.id || 'list'}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}${current ? '-change' : ''}`;
    const note = h('input', { id: noteId, name: noteId, type: 'text', autocomplete: 'off', maxlength: 1000, class: 'dup-note-input', disabled: !allowed || busy });
    note.value = notes.get(key) ?? '';
    note.addEventListener('input', () => notes.set(key, note.value));
    const group = h(
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
            onclick: () => void judge(pair, v, list),
          },
          t(verdictKeys[v]),
        ),
      ),
      busy && h('span', { class: 'muted' }, t('dubletten.saving')),
      failure !== undefined && errorBox(t('dubletten.failed'), failure),
    );
    return h(
      'div',
      { class: 'dup-verdict' },
      h('div', { class: 'control dup-note' }, h('label', { for: noteId }, t('dubletten.note')), note),
      group,
      pair.kind === 'parallel_offer' && !current && coordinateForm(pair, list, noteId, allowed && !busy),
    );
  }

  /** The due dates typed for pairs, by pair key, and the pairs whose typed date was refused. */
  const dues = new Map<string, string>();
  const badDue = new Set<string>();

  /** "Abstimmung angestoßen" on a parallel offer: a due date (TT.MM.JJJJ) and the button; the note above goes with it. */
  function coordinateForm(pair: DuplicatePair, list: HTMLElement, noteId: string, enabled: boolean): HTMLElement {
    const key = pairKey(pair.a, pair.b);
    const base = `dup-due-${list.id || 'list'}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const bad = badDue.has(key);
    const input = h('input', {
      id: base,
      name: base,
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: t('multi.datePlaceholder'),
      class: 'dup-due-input',
      disabled: !enabled,
      'aria-invalid': bad ? 'true' : null,
      'aria-describedby': bad ? `${base}-error` : null,
    });
    input.value = dues.get(key) ?? '';
    input.addEventListener('input', () => dues.set(key, input.value));
    const submit = (): void => {
      const due = parseDue(input.value, new Date());
      if (!due) {
        badDue.add(key);
        render();
        document.getElementById(base)?.focus();
        return;
      }
      badDue.delete(key);
      void judge(pair, 'coordinating', list, due);
    };
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        submit();
      }
    });
    return h(
      'fieldset',
      { class: 'dup-coordinate', 'aria-describedby': noteId },
      h('legend', {}, t('dubletten.coordinate.legend')),
      h('div', { class: 'control' }, h('label', { for: base }, t('dubletten.coordinate.due')), input),
      bad && h('p', { class: 'field-error', id: `${base}-error` }, t('dubletten.coordinate.errorDue')),
      h('button', { type: 'button', class: 'secondary', 'data-verdict': 'coordinating', disabled: !enabled, onclick: submit }, t('dubletten.verdict.coordinating')),
    );
  }

  /** The line that marks a pair under coordination: until when, or overdue (in words, not colour alone). */
  function coordinationLine(pair: DuplicatePair): HTMLElement | false {
    const l = local.get(pairKey(pair.a, pair.b));
    const verdict = l?.verdict ?? pair.verdict;
    const due = l ? l.due : pair.due;
    if (verdict !== 'coordinating' || !due) return false;
    const overdue = l ? false : Boolean(pair.overdue);
    return h('p', { class: overdue ? 'dup-coordinating overdue' : 'dup-coordinating', 'data-due': due }, h('strong', {}, overdue ? '⚠ ' : '', coordinationText(due, overdue)));
  }

  function pairView(pair: DuplicatePair, d: Duplicates): HTMLElement {
    return h(
      'article',
      { class: 'dup-pair', 'data-pair': pairKey(pair.a, pair.b), id: coordinationAnchor(pair.a, pair.b), tabindex: -1 },
      h(
        'header',
        { class: 'dup-pair-head' },
        h('h3', {}, `${pair.title_a} ↔ ${pair.title_b}`),
        h('p', { class: 'dup-score' }, t('dubletten.score', { score: formatScore(pair.score) }), ' · ', h('strong', {}, t(kindKeys[pair.kind] ?? 'dubletten.kind.other'))),
        h('p', { class: 'muted' }, t(pair.kind === 'data_duplicate' ? 'dubletten.hint.merge' : 'dubletten.hint.coordinate')),
        coordinationLine(pair),
      ),
      h('div', { class: 'dup-side' }, measureText(pair.a, pair.title_a, pair.highlights_a), measureText(pair.b, pair.title_b, pair.highlights_b)),
      whyBlock(pair, d),
      verdictButtons(pair, queueEl),
      pair.kind === 'data_duplicate' && mayJudge() && mergeButton(pair),
    );
  }

  /** Opens the merge dialog for a data duplicate. */
  function mergeButton(pair: DuplicatePair): HTMLElement {
    const button = h(
      'button',
      { type: 'button', class: 'secondary dup-merge', 'aria-label': t('merge.openLabel', { a: pair.title_a, b: pair.title_b }) },
      t('merge.open'),
    );
    button.addEventListener('click', () =>
      openMergeDialog({
        api,
        refdata,
        kind: 'measure',
        a: pair.a,
        b: pair.b,
        titles: new Map([
          [pair.a, pair.title_a],
          [pair.b, pair.title_b],
        ]),
        opener: button,
        findOpener: () => queueEl.querySelector<HTMLElement>(`[data-pair="${CSS.escape(pairKey(pair.a, pair.b))}"] .dup-merge`),
        onMerged: (record, survivor, retired) => {
          merged = { record, survivor, retired, state: 'done' };
          sessionStorage.setItem(mergeStore, JSON.stringify({ record, survivor, retired }));
          retiredIds.add(record.retired);
          renderMerge();
          renderQueue();
          mergeEl.querySelector<HTMLElement>('button')?.focus();
          offersFor = undefined;
          load();
        },
      }),
    );
    return button;
  }

  /** The message after a merge, with the button that takes it back. */
  function renderMerge(): void {
    if (!merged) return replaceChildren(mergeEl);
    const m = merged;
    const names = { survivor: m.survivor, retired: m.retired };
    replaceChildren(
      mergeEl,
      h('p', { role: 'status' }, t(m.state === 'undone' ? 'merge.undone' : 'merge.done', names)),
      m.state !== 'undone' &&
        h('button', { type: 'button', class: 'secondary', disabled: m.state === 'undoing', onclick: () => void undoMerge() }, t(m.state === 'undoing' ? 'merge.undoing' : 'merge.undo')),
      m.state === 'failed' && errorBox(t('merge.undoFailed'), m.error),
    );
  }

  async function undoMerge(): Promise<void> {
    if (!merged || merged.state === 'undoing') return;
    const m = merged;
    m.state = 'undoing';
    renderMerge();
    try {
      await api.undoMerge(m.record.id);
      m.state = 'undone';
      retiredIds.delete(m.record.retired);
      sessionStorage.removeItem(mergeStore);
    } catch (error) {
      m.state = 'failed';
      m.error = error;
    }
    renderMerge();
    (mergeEl.querySelector<HTMLElement>('button') ?? heading).focus();
    offersFor = undefined;
    load();
  }

  /** A pair of the Prüfliste: its probability against the threshold, why, the texts on demand. */
  function reviewItem(pair: DuplicatePair, d: Duplicates, list: HTMLElement): HTMLElement {
    return h(
      'li',
      {},
      h(
        'article',
        { class: 'dup-pair dup-review-pair', 'data-pair': pairKey(pair.a, pair.b), 'data-score': pair.score.toFixed(4) },
        h(
          'header',
          { class: 'dup-pair-head' },
          h('h3', {}, `${pair.title_a} ↔ ${pair.title_b}`),
          h('p', { class: 'dup-score' }, verdictOfModel(pair.score, d.threshold)),
        ),
        h(
          'details',
          { class: 'dup-texts' },
          h('summary', {}, t('dubletten.review.texts')),
          h('div', { class: 'dup-side' }, measureText(pair.a, pair.title_a, pair.highlights_a), measureText(pair.b, pair.title_b, pair.highlights_b)),
        ),
        whyBlock(pair, d),
        verdictButtons(pair, list),
      ),
    );
  }

  function renderReview(d: Duplicates): void {
    const open = reviewQueue(d, local).filter((p) => passes(p, filter));
    keepingState(reviewEl, () => {
      const list = h('ol', { class: 'dup-review-list' });
      list.append(...open.map((p) => reviewItem(p, d, reviewEl)));
      replaceChildren(
        reviewEl,
        h('h2', { id: 'dup-review-title' }, t('dubletten.review.title', { count: open.length })),
        open.length === 0 ? emptyBox(t('dubletten.review.empty')) : list,
      );
    });
    keepingState(modelEl, () =>
      replaceChildren(
        modelEl,
        modelPanel(d, model === 'built_in', (on) => {
          model = on ? 'built_in' : 'fitted';
          writeAddress();
          announce = t('dubletten.loading');
          announceModel = true;
          render();
          load();
        }),
      ),
    );
  }

  function renderQueue(): void {
    if (data.status !== 'ready') return;
    const d = data.data;
    const all = queue(d, local);
    // The filters keep the clusters with an open pair that passes, and those pairs.
    const clusters = all.clusters
      .map((c) => ({ ...c, open: c.open.filter((p) => passes(p, filter) && !retiredIds.has(p.a) && !retiredIds.has(p.b)) }))
      .filter((c) => c.open.length > 0);
    const decided = all.decided.filter((p) => passes(p, filter));
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
          measures: formatInt(d.measures),
        }),
      ),
      model === 'built_in' && h('p', { class: 'note' }, t('dubletten.model.builtInChosen')),
      state.region &&
        h(
          'p',
          { class: 'dup-downloads' },
          t('dubletten.download'),
          ' ',
          h('a', { href: api.duplicatesHref(state.region, 'xlsx', { model }), download: '' }, t('dubletten.download.xlsx')),
          ' · ',
          h('a', { href: api.duplicatesHref(state.region, 'csv', { model }), download: '' }, t('dubletten.download.csv')),
        ),
      h(
        'details',
        { class: 'dup-formula' },
        h('summary', {}, t('dubletten.formulaTitle')),
        h('p', {}, t('dubletten.formula', { threshold: formatScore(d.threshold) })),
        h('p', {}, modelSource(d.model, model === 'built_in')),
      ),
    );
    keepingState(queueEl, () =>
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
                  ...open.map((p) => pairView(p, d)),
                ),
              ),
            ),
      ),
    );
    keepingState(decidedEl, () =>
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
                const note = l ? l.note : p.verdict_note;
                return h(
                  'li',
                  { 'data-pair': pairKey(p.a, p.b), 'data-verdict': p.verdict },
                  h('a', { href: detailPath('measure', p.a) }, p.title_a),
                  ' ↔ ',
                  h('a', { href: detailPath('measure', p.b) }, p.title_b),
                  ': ',
                  h('strong', {}, t(verdictKeys[p.verdict])),
                  (by || at) && h('span', { class: 'muted' }, ` (${[by, at && formatDateTime(at)].filter(Boolean).join(', ')})`),
                  note && h('span', { class: 'dup-decided-note' }, ` – ${t('dubletten.noteSaid', { note })}`),
                  h('details', { class: 'dup-change' }, h('summary', {}, t('dubletten.change')), verdictButtons(p, decidedEl, p.verdict)),
                );
              }),
            ),
      ),
    );
    renderReview(d);
    // A link to one pair (from the Steuerung's running coordinations): show it once it is drawn.
    if (pairAnchor) {
      const target = document.getElementById(pairAnchor);
      if (target) {
        pairAnchor = '';
        target.scrollIntoView({ block: 'start' });
        target.focus();
      }
    }
  }

  function render(): void {
    heading.textContent = t('nav.dubletten');
    intro.textContent = t('dubletten.intro');
    reviewIntro.textContent = t('dubletten.review.intro');
    tabs.relabel(t('dubletten.tabs'), tabLabels());
    views.relabel(t('dubletten.views'), viewLabels());
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
          // Municipalities and fields belong to the region.
          filter = filter.kind ? { kind: filter.kind } : {};
          writeAddress();
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
    // Without regions no tab can show anything: the error stands above them.
    replaceChildren(setupEl, setupError !== undefined && errorBox(t('dubletten.errorSetup'), setupError, boot));
    renderFilters();
    if (setupError) {
      status.textContent = '';
      replaceChildren(queueEl);
      replaceChildren(reviewEl);
      replaceChildren(modelEl);
      return;
    }
    queueEl.setAttribute('aria-busy', String(data.status === 'loading'));
    reviewEl.setAttribute('aria-busy', String(data.status === 'loading'));
    switch (data.status) {
      case 'loading':
        status.textContent = t('dubletten.loading');
        replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(modelEl);
        replaceChildren(queueEl, loadingBox(t('dubletten.loading')));
        replaceChildren(reviewEl, loadingBox(t('dubletten.loading')));
        return;
      case 'error':
        status.textContent = '';
          replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(modelEl);
        replaceChildren(queueEl, errorBox(t('dubletten.error'), data.error, load));
        replaceChildren(reviewEl, errorBox(t('dubletten.error'), data.error, load));
        return;
      case 'ready':
        status.textContent = announce;
        renderQueue();
    }
  }

  function boot(): void {
    setupError = undefined;
    renderMerge();
    render();
    if (state.region) showTab();
    setup.run(
      () => refdata.regions(),
      (r) => {
        regions = r;
        if (!state.region) {
          state = { region: preferredRegion(regions, storedRegion()) };
          writeAddress();
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
      namesLoader.stop();
      setup.stop();
      structures.unmount();
    },
  };
};
