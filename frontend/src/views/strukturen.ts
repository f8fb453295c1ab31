// Doppelstrukturen: the second tab of Dubletten. Bodies of a region that work on the same thing
// with largely the same people, a town's body beside the county's, and a town's own concept in
// fields the county's goals cover (GET /analysis/structures). Each overlap is a card with both
// sides, what they share and the service's explanation; coordinators record a verdict with an
// optional note, the card moves to "Bereits entschieden" at once, and every later run of the
// service respects the verdict.

import { h, replaceChildren } from '../dom';
import { formatDateTime, formatPercent } from '../format';
import { getLanguage, t, type MessageKey } from '../i18n';
import { networkKindLabel, networkLevelLabel } from '../labels';
import type { Named, PriorVerdict, StructureOverlap, StructureSide, Structures, Verdict } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, statusLine } from '../ui';
import { pairKey } from '../util';
import { detailPath } from './detail';
import { goalHref, planHref } from './monitorparts';
import type { ViewContext } from './view';

export const structureVerdicts: readonly Verdict[] = ['duplicate', 'intended', 'not_duplicate'];

/** What the buttons say. */
const verdictKeys: Record<Verdict, MessageKey> = {
  duplicate: 'strukturen.verdict.duplicate',
  intended: 'strukturen.verdict.intended',
  not_duplicate: 'strukturen.verdict.not_duplicate',
};

/** What a recorded verdict is called. */
const decidedKeys: Record<Verdict, MessageKey> = {
  duplicate: 'strukturen.decidedAs.duplicate',
  intended: 'strukturen.decidedAs.intended',
  not_duplicate: 'strukturen.decidedAs.not_duplicate',
};

const kindKeys: Record<string, MessageKey> = {
  parallel_networks: 'strukturen.kind.parallel_networks',
  county_and_town: 'strukturen.kind.county_and_town',
  town_concept: 'strukturen.kind.town_concept',
};

/** The overlap's kind in plain words. */
export function overlapKindLabel(kind: string): string {
  return t(kindKeys[kind] ?? 'strukturen.kind.other');
}

/** What a verdict is called once recorded. */
export function decidedLabel(verdict: Verdict): string {
  return t(decidedKeys[verdict] ?? 'strukturen.decidedAs.duplicate');
}

/** The key of an overlap, the same whichever way round its sides come. */
export function overlapKey(o: StructureOverlap): string {
  return pairKey(o.a.id, o.b.id);
}

/** A key as a piece of an element id (ids are letters, digits, _ and - here). */
function domId(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A verdict given in this page, shown until the service's answer agrees or differs. */
export interface LocalStructureVerdict {
  verdict: Verdict;
  by: string;
  at: string;
  note?: string;
  replaced?: PriorVerdict;
}

export type DecidedOverlap = StructureOverlap & { verdict: Verdict };

/**
 * The open overlaps (no verdict, after the verdicts given in this page) and the decided ones:
 * those set aside and those confirmed as duplicates, which the service keeps among its open
 * overlaps but which need no more review.
 */
export function structureQueue(data: Structures, local: ReadonlyMap<string, LocalStructureVerdict>): { open: StructureOverlap[]; decided: DecidedOverlap[] } {
  const verdictOf = (o: StructureOverlap): Verdict | undefined => local.get(overlapKey(o))?.verdict ?? o.verdict;
  const open = data.overlaps.filter((o) => verdictOf(o) === undefined);
  const decided = new Map<string, DecidedOverlap>();
  for (const o of [...data.overlaps, ...data.reviewed]) {
    const v = verdictOf(o);
    if (v && !decided.has(overlapKey(o))) decided.set(overlapKey(o), { ...o, verdict: v });
  }
  return { open, decided: [...decided.values()] };
}

/** A share of members in words: nearly all, most, some, few. */
function shareWord(share: number): string {
  if (share >= 0.75) return t('strukturen.share.most');
  if (share >= 0.5) return t('strukturen.share.many');
  if (share >= 0.25) return t('strukturen.share.some');
  if (share > 0) return t('strukturen.share.few');
  return t('strukturen.share.none');
}

/** A purpose similarity in words. */
function purposeWord(purpose: number): string {
  if (purpose >= 0.75) return t('strukturen.purpose.same');
  if (purpose >= 0.5) return t('strukturen.purpose.similar');
  if (purpose >= 0.25) return t('strukturen.purpose.some');
  return t('strukturen.purpose.different');
}

/**
 * The member overlap in plain words: for parallel bodies the shared members of both bodies'
 * members together (the Jaccard index), for a town's body the share of its own members that
 * also sit in the county's. Undefined for concepts, which have no members.
 */
export function memberLine(o: StructureOverlap): string | undefined {
  if (o.kind === 'town_concept' || o.a.kind === 'concept') return undefined;
  const shared = o.shared_members.length;
  if (o.kind === 'county_and_town') {
    const town = o.a.level === 'municipal' ? o.a : o.b;
    const members = Math.max(shared, town.members);
    const share = members > 0 ? shared / members : 0;
    return t('strukturen.membersInCounty', { shared, members, percent: formatPercent(share), word: shareWord(share) });
  }
  const union = Math.max(shared, o.a.members + o.b.members - shared);
  return t('strukturen.membersShared', { shared, union, percent: formatPercent(o.jaccard), word: shareWord(o.jaccard) });
}

/** The purpose similarity (networks) or the share of fields the county's goals cover (concepts). */
export function purposeLine(o: StructureOverlap): string {
  if (o.kind === 'town_concept' || o.a.kind === 'concept') return t('strukturen.fieldShare', { percent: formatPercent(o.score) });
  return t('strukturen.purposeShare', { percent: formatPercent(o.purpose), word: purposeWord(o.purpose) });
}

/** A side's kind of body, level or town and members: "Arbeitskreis · kreisweit · 9 Mitglieder". */
export function sideLine(s: StructureSide): string {
  const concept = s.kind === 'concept';
  const kind = concept ? t('strukturen.concept') : networkKindLabel(s.kind);
  const where = s.level === 'municipal' && s.municipality ? t('strukturen.town', { town: s.municipality }) : networkLevelLabel(s.level);
  return [kind, where, !concept && t('strukturen.members', { count: s.members })].filter(Boolean).join(' · ');
}

/** The page of a side: a network's detail page or a concept's page; undefined for others. */
export function sideHref(s: StructureSide): string | undefined {
  if (s.kind === 'concept' || s.id.startsWith('cpt_')) return planHref('konzept', s.id);
  if (s.id.startsWith('net_')) return detailPath('network', s.id);
  return undefined;
}

function sideName(s: StructureSide): Node | string {
  const href = sideHref(s);
  return href ? h('a', { href }, s.name) : s.name;
}

function names(list: readonly Named[]): string {
  return list.map((n) => n.name).join(', ');
}

/** A row of the card's facts, left out without a value. */
function fact(label: string, value: Node | string | undefined | false): HTMLElement[] {
  if (value === undefined || value === false || value === '') return [];
  return [h('dt', {}, label), h('dd', {}, value)];
}

/**
 * The card of one overlap: its kind, both sides (linked, with their kind of body, level and
 * town), what they share, the overlap in words and the service's explanation; verdict is the
 * verdict form, when the reader may judge.
 */
export function overlapCard(o: StructureOverlap, verdict?: HTMLElement | false): HTMLElement {
  const key = overlapKey(o);
  const id = domId(key);
  const titleId = `str-title-${id}`;
  const side = (s: StructureSide, which: string) =>
    h('div', { class: 'str-side', 'data-side': which }, h('h4', {}, sideName(s)), h('p', { class: 'muted' }, sideLine(s)));
  const goals = o.goals ?? [];
  return h(
    'article',
    { class: 'str-card', 'data-pair': key, 'data-kind': o.kind, 'aria-labelledby': titleId },
    h(
      'header',
      { class: 'str-card-head' },
      h('p', { class: 'str-kind' }, h('span', { class: 'tag' }, overlapKindLabel(o.kind))),
      h('h3', { id: titleId, tabindex: -1 }, `${o.a.name} ↔ ${o.b.name}`),
    ),
    h('div', { class: 'str-sides' }, side(o.a, 'a'), side(o.b, 'b')),
    h(
      'dl',
      { class: 'facts str-facts' },
      ...fact(t('strukturen.fact.members'), memberLine(o)),
      ...fact(t(o.kind === 'town_concept' ? 'strukturen.fact.coverage' : 'strukturen.fact.purpose'), purposeLine(o)),
      ...fact(t('strukturen.fact.sharedMembers'), o.shared_members.length > 0 && h('span', { class: 'str-members' }, names(o.shared_members))),
      ...fact(t('strukturen.fact.fields'), names(o.fields)),
      ...fact(t('strukturen.fact.towns'), names(o.municipalities)),
      ...fact(
        t('strukturen.fact.goals'),
        goals.length > 0 &&
          h(
            'details',
            { class: 'str-goals', id: `str-goals-${id}` },
            h('summary', {}, t('strukturen.goalsCount', { count: goals.length })),
            h('ul', { class: 'plain-list' }, ...goals.map((g) => h('li', {}, h('a', { href: goalHref(g.id) }, g.name)))),
          ),
      ),
    ),
    o.explanation && h('p', { class: 'str-explanation' }, o.explanation),
    verdict,
  );
}

/** The tab's controller, built by the Dubletten view. */
export interface StructuresTab {
  /** The tab's panel. */
  panel: HTMLElement;
  /** Shows the region's overlaps, loading them unless they are there in the current language. */
  show(region: string | undefined): void;
  /** Renders again (after sign-in or sign-out). */
  render(): void;
  /** Renders in the new language and fetches the explanations in it. */
  relabel(): void;
  unmount(): void;
}

type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Structures; lang: string };

/** Builds the tab; mayJudge says whether the reader may record verdicts in the region. */
export function createStructuresTab({ api }: Pick<ViewContext, 'api'>, mayJudge: () => boolean): StructuresTab {
  let region: string | undefined;
  let state: State = { status: 'idle' };
  const local = new Map<string, LocalStructureVerdict>();
  const notes = new Map<string, string>();
  const pending = new Set<string>();
  const failures = new Map<string, unknown>();
  let announce = '';
  const loader = new Loader();

  const intro = h('p', { class: 'lead' });
  const status = statusLine();
  status.id = 'str-status';
  const summary = h('div', { class: 'str-summary', id: 'str-summary' });
  const queueEl = h('div', { class: 'str-queue', id: 'str-queue' });
  const decidedEl = h('div', { class: 'str-decided', id: 'str-decided' });
  const panel = h('div', { class: 'tab-panel' }, intro, status, summary, queueEl, decidedEl);

  function load(): void {
    const r = region;
    if (!r) return;
    if (state.status !== 'ready') {
      state = { status: 'loading' };
      render();
    }
    const lang = getLanguage();
    loader.run(
      (signal) => api.structures(r, lang, signal),
      (data) => {
        // Verdicts of this page stay shown (with who and when) while the service agrees;
        // where it says otherwise, someone decided since, and the service is right.
        for (const [key, l] of local) {
          const o = [...data.overlaps, ...data.reviewed].find((x) => overlapKey(x) === key);
          if (o && o.verdict !== l.verdict) local.delete(key);
        }
        state = { status: 'ready', data, lang };
        render();
      },
      (error) => {
        state = { status: 'error', error };
        render();
      },
    );
  }

  async function judge(o: StructureOverlap, verdict: Verdict, from: 'open' | 'decided'): Promise<void> {
    const key = overlapKey(o);
    if (pending.has(key)) return;
    const before = state.status === 'ready' ? structureQueue(state.data, local).open.map(overlapKey).indexOf(key) : -1;
    pending.add(key);
    failures.delete(key);
    render();
    let ok = false;
    try {
      const note = notes.get(key)?.trim();
      const r = await api.recordStructureVerdict(o.a.id, o.b.id, verdict, note || undefined);
      local.set(key, { verdict: r.verdict, by: r.by, at: r.at, note: r.note, replaced: r.replaced });
      notes.delete(key);
      announce = [
        t('strukturen.recorded', { a: o.a.name, b: o.b.name, verdict: decidedLabel(r.verdict) }),
        r.replaced && t('strukturen.replaced', { verdict: decidedLabel(r.replaced.verdict), by: r.replaced.by, at: formatDateTime(r.replaced.at) }),
      ]
        .filter(Boolean)
        .join(' ');
      ok = true;
    } catch (error) {
      failures.set(key, error);
    } finally {
      pending.delete(key);
    }
    render();
    if (!ok) {
      panel.querySelector<HTMLElement>(`[data-pair="${key}"] [data-verdict="${verdict}"]`)?.focus();
    } else if (from === 'open') {
      // The next card takes the judged one's place; without one, the decided list.
      const cards = [...queueEl.querySelectorAll<HTMLElement>('.str-card h3')];
      (cards[Math.min(Math.max(before, 0), cards.length - 1)] ?? decidedEl.querySelector<HTMLElement>('h2'))?.focus();
    } else {
      decidedEl.querySelector<HTMLElement>('h2')?.focus();
    }
    // The service's answer replaces what the page assumed, quietly.
    load();
  }

  function verdictForm(o: StructureOverlap, current?: Verdict): HTMLElement {
    const key = overlapKey(o);
    const id = domId(key) + (current ? '-change' : '');
    const noteId = `str-note-${id}`;
    const busy = pending.has(key);
    const failure = failures.get(key);
    const note = h('input', { id: noteId, name: noteId, type: 'text', autocomplete: 'off', maxlength: 1000, class: 'str-note-input' });
    note.value = notes.get(key) ?? '';
    note.addEventListener('input', () => notes.set(key, note.value));
    return h(
      'div',
      { class: 'str-verdict', role: 'group', 'aria-label': t('strukturen.verdictGroup', { a: o.a.name, b: o.b.name }) },
      h('div', { class: 'control str-note' }, h('label', { for: noteId }, t('strukturen.note')), note),
      h(
        'div',
        { class: 'verdicts' },
        ...structureVerdicts.map((v) =>
          h(
            'button',
            {
              type: 'button',
              id: `str-${v}-${id}`,
              class: v === current ? 'current' : v === 'duplicate' ? '' : 'secondary',
              'data-verdict': v,
              disabled: busy,
              'aria-pressed': current ? String(v === current) : null,
              onclick: () => void judge(o, v, current ? 'decided' : 'open'),
            },
            t(verdictKeys[v]),
          ),
        ),
        busy && h('span', { class: 'muted' }, t('strukturen.saving')),
        failure !== undefined && errorBox(t('strukturen.failed'), failure),
      ),
    );
  }

  function decidedItem(o: DecidedOverlap): HTMLElement {
    const key = overlapKey(o);
    // A verdict given in this page, else who gave the stored one, when and why.
    const l: LocalStructureVerdict | undefined =
      local.get(key) ?? (o.verdict_by || o.verdict_at ? { verdict: o.verdict, by: o.verdict_by ?? '', at: o.verdict_at ?? '', ...(o.verdict_note ? { note: o.verdict_note } : {}) } : undefined);
    return h(
      'li',
      { 'data-pair': key, 'data-verdict': o.verdict },
      h('span', { class: 'tag' }, overlapKindLabel(o.kind)),
      ' ',
      sideName(o.a),
      ' ↔ ',
      sideName(o.b),
      ': ',
      h('strong', {}, decidedLabel(o.verdict)),
      l && h('span', { class: 'muted' }, ` (${[l.by, formatDateTime(l.at)].filter(Boolean).join(', ')})`),
      l?.note && h('span', { class: 'str-decided-note' }, ` – ${t('strukturen.noteSaid', { note: l.note })}`),
      l?.replaced &&
        h(
          'p',
          { class: 'muted str-replaced' },
          t('strukturen.replacedShort', { verdict: decidedLabel(l.replaced.verdict), by: l.replaced.by, at: formatDateTime(l.replaced.at) }),
        ),
      mayJudge() &&
        h('details', { class: 'dup-change', id: `str-change-${domId(key)}` }, h('summary', {}, t('strukturen.change')), verdictForm(o, o.verdict)),
    );
  }

  function renderReady(data: Structures): void {
    const { open, decided } = structureQueue(data, local);
    const judge = mayJudge();
    replaceChildren(
      summary,
      h('p', {}, t('strukturen.summary', { open: open.length, decided: decided.length, networks: data.networks, concepts: data.concepts })),
      h(
        'details',
        { id: 'str-rules' },
        h('summary', {}, t('strukturen.rulesTitle')),
        h(
          'ul',
          {},
          h(
            'li',
            {},
            t('strukturen.rule.parallel', {
              shared: data.params.min_shared,
              jaccard: formatPercent(data.params.min_jaccard),
              purpose: formatPercent(data.params.min_purpose),
            }),
          ),
          h('li', {}, t('strukturen.rule.countyTown', { shared: data.params.min_shared })),
          h('li', {}, t('strukturen.rule.townConcept')),
        ),
      ),
    );
    replaceChildren(
      queueEl,
      h('h2', { id: 'str-open-title', tabindex: -1 }, t('strukturen.openTitle', { count: open.length })),
      open.length === 0
        ? emptyBox(decided.length === 0 ? t('strukturen.empty') : t('strukturen.allDecided'))
        : h('ul', { class: 'str-cards', 'aria-labelledby': 'str-open-title' }, ...open.map((o) => h('li', {}, overlapCard(o, judge && verdictForm(o))))),
    );
    replaceChildren(
      decidedEl,
      h('h2', { id: 'str-decided-title', tabindex: -1 }, t('strukturen.decided', { count: decided.length })),
      decided.length === 0
        ? h('p', { class: 'muted' }, t('strukturen.noneDecided'))
        : h('ul', { class: 'plain-list dup-decided-list str-decided-list', 'aria-labelledby': 'str-decided-title' }, ...decided.map(decidedItem)),
    );
  }

  function render(): void {
    // Rendering replaces the cards: keep the focused control, the caret and open details.
    const active = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement : undefined;
    const focusId = active?.id;
    const caret = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : undefined;
    const openDetails = [...panel.querySelectorAll<HTMLDetailsElement>('details[id][open]')].map((d) => d.id);

    intro.textContent = t('strukturen.intro');
    queueEl.setAttribute('aria-busy', String(state.status === 'loading'));
    switch (state.status) {
      case 'idle':
      case 'loading':
        status.textContent = t('strukturen.loading');
        replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(queueEl, loadingBox(t('strukturen.loading')));
        break;
      case 'error':
        status.textContent = '';
        replaceChildren(summary);
        replaceChildren(decidedEl);
        replaceChildren(queueEl, errorBox(t('strukturen.error'), state.error, load));
        break;
      case 'ready':
        status.textContent = announce;
        renderReady(state.data);
    }

    for (const id of openDetails) {
      const d = document.getElementById(id);
      if (d instanceof HTMLDetailsElement && panel.contains(d)) d.open = true;
    }
    if (focusId && document.activeElement !== active) {
      const again = document.getElementById(focusId);
      if (again && panel.contains(again) && !(again as HTMLButtonElement).disabled) {
        again.focus();
        if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
      }
    }
  }

  return {
    panel,
    show(next) {
      if (next !== region) {
        region = next;
        local.clear();
        notes.clear();
        failures.clear();
        announce = '';
        loader.abort();
        state = { status: 'idle' };
      }
      if (!region) {
        render();
        return;
      }
      if (state.status === 'idle' || state.status === 'error' || (state.status === 'ready' && state.lang !== getLanguage())) load();
      else render();
    },
    render,
    relabel() {
      render();
      if (state.status === 'ready' && state.lang !== getLanguage() && !panel.hidden) load();
    },
    unmount() {
      loader.stop();
    },
  };
}
