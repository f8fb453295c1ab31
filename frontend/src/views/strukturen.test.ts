// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { setLanguage } from '../i18n';
import type { StructureOverlap, Structures } from '../types';
import { createStructuresTab, memberLine, overlapCard, overlapKey, purposeLine, sideHref, sideLine, structureQueue } from './strukturen';

afterEach(() => setLanguage('de'));

// A hand-written answer of GET /api/v1/analysis/structures, shaped like the demo's
// Kreis Recklinghausen: two parallel working groups, a town's working group beside the
// county's, a town concept, and a pair a reviewer set aside.
const parallel: StructureOverlap = {
  kind: 'parallel_networks',
  a: { id: 'net_ak', name: 'Arbeitskreis Zusammenleben und Teilhabe', kind: 'working_group', level: 'county', members: 9 },
  b: { id: 'net_fg', name: 'Fachgruppe Zusammenleben und Teilhabe', kind: 'working_group', level: 'county', members: 8 },
  score: 0.889,
  jaccard: 0.889,
  purpose: 0.283,
  shared_members: [
    { id: 'org_1', name: 'DITIB-Moscheegemeinde Marl' },
    { id: 'org_2', name: 'Flüchtlingshilfe Marl e.V.' },
    { id: 'org_3', name: 'Freiwilligenagentur Recklinghausen' },
    { id: 'org_4', name: 'Kommunales Integrationszentrum Kreis Recklinghausen' },
    { id: 'org_5', name: 'Kurdisches Kulturzentrum Marl e.V.' },
    { id: 'org_6', name: 'Polnischer Kulturverein Marl e.V.' },
    { id: 'org_7', name: 'Evangelische Kirchengemeinde Recklinghausen' },
    { id: 'org_8', name: 'Flüchtlingshilfe Recklinghausen e.V.' },
  ],
  fields: [{ id: 'fld_zt', name: 'Zusammenleben und Teilhabe' }],
  municipalities: [],
  explanation: 'Beide arbeiten an Zusammenleben und Teilhabe und haben 8 gemeinsame Mitglieder.',
};

const countyTown: StructureOverlap = {
  kind: 'county_and_town',
  a: { id: 'net_ak', name: 'Arbeitskreis Zusammenleben und Teilhabe', kind: 'working_group', level: 'county', members: 9 },
  b: { id: 'net_akre', name: 'Arbeitskreis Zusammenleben und Teilhabe Recklinghausen', kind: 'working_group', level: 'municipal', municipality: 'Recklinghausen', members: 5 },
  score: 0.646,
  jaccard: 0.444,
  purpose: 0.646,
  shared_members: [
    { id: 'org_3', name: 'Freiwilligenagentur Recklinghausen' },
    { id: 'org_4', name: 'Kommunales Integrationszentrum Kreis Recklinghausen' },
    { id: 'org_7', name: 'Evangelische Kirchengemeinde Recklinghausen' },
    { id: 'org_8', name: 'Flüchtlingshilfe Recklinghausen e.V.' },
  ],
  fields: [{ id: 'fld_zt', name: 'Zusammenleben und Teilhabe' }],
  municipalities: [{ id: '05562032', name: 'Recklinghausen' }],
  explanation: 'Ein Ortsgremium neben dem des Kreises.',
};

const townConcept: StructureOverlap = {
  kind: 'town_concept',
  a: { id: 'cpt_marl', name: 'Integrationskonzept der Stadt Marl', kind: 'concept', level: 'municipal', municipality: 'Marl', members: 0 },
  b: { id: 'cpt_kreis', name: 'Integrationskonzept für den Kreis Recklinghausen', kind: 'concept', level: 'county', members: 0 },
  score: 1,
  jaccard: 0,
  purpose: 0,
  shared_members: [],
  fields: [
    { id: 'fld_bs', name: 'Bildung und Sprache' },
    { id: 'fld_wa', name: 'Wirtschaft und Arbeitsmarkt' },
  ],
  municipalities: [{ id: '05562024', name: 'Marl' }],
  goals: [
    { id: 'gol_31', name: '3.1 Mehr Geflüchtete nehmen eine Beschäftigung auf.' },
    { id: 'gol_41', name: '4.1 Neu Zugewanderte beginnen früh einen Sprachkurs.' },
  ],
  explanation: 'Das Konzept der Kommune Marl behandelt Bildung und Sprache.',
};

const setAside: StructureOverlap = {
  ...parallel,
  a: { id: 'net_x', name: 'Runder Tisch Integration Dorsten', kind: 'round_table', level: 'municipal', municipality: 'Dorsten', members: 6 },
  b: { id: 'net_y', name: 'Runder Tisch Zuwanderung Dorsten', kind: 'round_table', level: 'municipal', municipality: 'Dorsten', members: 5 },
  verdict: 'intended',
};

function sample(): Structures {
  return {
    region: '05562',
    params: { min_jaccard: 0.5, min_shared: 3, min_purpose: 0.5, lang: 'de' },
    networks: 25,
    concepts: 2,
    overlaps: [townConcept, parallel, countyTown, { ...countyTown, a: parallel.b, verdict: 'duplicate' }],
    reviewed: [setAside],
  };
}

describe('structureQueue', () => {
  it('keeps overlaps without a verdict open and lists confirmed and set-aside ones as decided', () => {
    const q = structureQueue(sample(), new Map());
    expect(q.open.map(overlapKey)).toEqual(['cpt_kreis|cpt_marl', 'net_ak|net_fg', 'net_ak|net_akre']);
    expect(q.decided.map((o) => [overlapKey(o), o.verdict])).toEqual([
      ['net_akre|net_fg', 'duplicate'],
      ['net_x|net_y', 'intended'],
    ]);
  });

  it('applies a verdict given in the page at once, whichever way round the pair is named', () => {
    const local = new Map([['net_ak|net_fg', { verdict: 'intended' as const, by: 'admin', at: '2026-12-03T10:00:00Z' }]]);
    const q = structureQueue(sample(), local);
    expect(q.open.map(overlapKey)).toEqual(['cpt_kreis|cpt_marl', 'net_ak|net_akre']);
    expect(q.decided.find((o) => o.b.id === 'net_fg')?.verdict).toBe('intended');
  });
});

describe('the words of a card', () => {
  it('name each side’s kind of body, level or town and members', () => {
    expect(sideLine(parallel.a)).toBe('Arbeitskreis · kreisweit · 9 Mitglieder');
    expect(sideLine(countyTown.b)).toBe('Arbeitskreis · Kommune Recklinghausen · 5 Mitglieder');
    expect(sideLine(townConcept.a)).toBe('Konzept · Kommune Marl');
    expect(sideLine(townConcept.b)).toBe('Konzept · kreisweit');
    setLanguage('en');
    expect(sideLine(countyTown.b)).toBe('Working group · town of Recklinghausen · 5 members');
  });

  it('link networks to the directory and concepts to the steering pages', () => {
    expect(sideHref(parallel.a)).toBe('/verzeichnis/netzwerk/net_ak');
    expect(sideHref(townConcept.b)).toBe('/steuerung/konzept/cpt_kreis');
  });

  it('say the member overlap and the purpose in words and percentages', () => {
    expect(memberLine(parallel)).toBe('In beiden Gremien: 8 von zusammen 9 Mitgliedsorganisationen (89\u00a0%) – fast dieselben Mitglieder.');
    expect(memberLine(countyTown)).toBe('Auch im Kreisgremium: 4 der 5 Mitgliedsorganisationen des Ortsgremiums (80\u00a0%) – fast dieselben Mitglieder.');
    expect(memberLine(townConcept)).toBeUndefined();
    expect(purposeLine(parallel)).toBe('Name und Beschreibung stimmen zu 28\u00a0% überein – teils ähnlicher Zweck.');
    expect(purposeLine(countyTown)).toBe('Name und Beschreibung stimmen zu 65\u00a0% überein – ähnlicher Zweck.');
    expect(purposeLine(townConcept)).toBe('Ziele des Kreiskonzepts behandeln 100\u00a0% der Handlungsfelder des Konzepts der Kommune.');
  });
});

describe('overlapCard', () => {
  it('shows both sides linked, what they share and the explanation', () => {
    const card = overlapCard(parallel);
    expect(card.dataset.pair).toBe('net_ak|net_fg');
    expect(card.querySelector('.str-kind')?.textContent).toBe('Parallele Gremien');
    expect(card.querySelector('h3')?.textContent).toBe('Arbeitskreis Zusammenleben und Teilhabe ↔ Fachgruppe Zusammenleben und Teilhabe');
    expect([...card.querySelectorAll('.str-side a')].map((a) => a.getAttribute('href'))).toEqual(['/verzeichnis/netzwerk/net_ak', '/verzeichnis/netzwerk/net_fg']);
    const facts = [...card.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(facts.map(([label]) => label)).toEqual(['Mitglieder', 'Zweck', 'Gemeinsame Mitglieder', 'Gemeinsame Handlungsfelder']);
    expect(facts[2]?.[1]).toContain('Polnischer Kulturverein Marl e.V.');
    expect(card.querySelector('.str-explanation')?.textContent).toContain('8 gemeinsame Mitglieder');
    expect(card.getAttribute('aria-labelledby')).toBe(card.querySelector('h3')?.id);
    expect(card.querySelector('.str-verdict')).toBeNull();
  });

  it('lists a town concept’s county goals behind a disclosure, linked to their pages', () => {
    const card = overlapCard(townConcept);
    expect(card.querySelector('.str-kind')?.textContent).toBe('Konzept einer Kommune');
    expect([...card.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Handlungsfelder', 'Gemeinsame Handlungsfelder', 'Kommunen', 'Ziele des Kreises']);
    expect(card.querySelector('.str-goals summary')?.textContent).toBe('2 Ziele des Kreiskonzepts in denselben Handlungsfeldern');
    expect(card.querySelector('.str-goals a')?.getAttribute('href')).toBe('/steuerung/ziel/gol_31');
    expect(card.querySelector('.str-side a')?.getAttribute('href')).toBe('/steuerung/konzept/cpt_marl');
  });
});

describe('the tab', () => {
  function mount(opts: { judge: boolean; verdict?: Record<string, unknown>; fail?: boolean; data?: Structures }) {
    const posted: { a: string; b: string; verdict: 'duplicate' | 'intended' | 'not_duplicate' }[] = [];
    const data = opts.data ?? sample();
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://x');
      if (url.pathname === '/api/v1/analysis/structures/verdicts') {
        const body = JSON.parse(String(init?.body)) as (typeof posted)[number];
        posted.push(body);
        if (opts.fail) return new Response(JSON.stringify({ title: 'forbidden', status: 403, detail: 'only coordinators' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
        // As the service does: a pair set aside moves to reviewed in the next answer.
        const i = data.overlaps.findIndex((o) => overlapKey(o) === overlapKey({ ...parallel, a: { ...parallel.a, id: body.a }, b: { ...parallel.b, id: body.b } }));
        const [o] = data.overlaps.splice(i, 1);
        data.reviewed.push({ ...o!, verdict: body.verdict });
        return new Response(JSON.stringify(opts.verdict), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      return new Response(JSON.stringify(data), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    const tab = createStructuresTab({ api }, () => opts.judge);
    document.body.replaceChildren(tab.panel);
    tab.show('05562');
    return { tab, fetch, posted };
  }

  it('asks for the region in the page’s language and shows the open overlaps without verdict buttons for readers', async () => {
    const { tab, fetch } = mount({ judge: false });
    expect(tab.panel.querySelector('.loading')?.textContent).toBe('Doppelstrukturen werden gesucht …');
    await vi.waitFor(() => expect(tab.panel.querySelectorAll('#str-queue .str-card')).toHaveLength(3));
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/v1/analysis/structures?region=05562&lang=de');
    expect(tab.panel.querySelector('#str-summary p')?.textContent).toBe('3 offene Überschneidungen, 2 bereits entschieden – verglichen wurden 25 Gremien und 2 Konzepte.');
    expect(tab.panel.querySelector('#str-decided h2')?.textContent).toBe('Bereits entschieden (2)');
    expect(tab.panel.querySelectorAll('button[data-verdict]')).toHaveLength(0);
  });

  it('says so when there is nothing to review', async () => {
    const { tab } = mount({ judge: true, data: { ...sample(), overlaps: [], reviewed: [] } });
    await vi.waitFor(() => expect(tab.panel.querySelector('#str-queue .empty')?.textContent).toBe('Keine Doppelstrukturen gefunden.'));
  });

  it('records a verdict with its note, moves the card to the decided list and explains a replaced verdict', async () => {
    const { tab, posted, fetch } = mount({
      judge: true,
      verdict: { a: 'net_ak', b: 'net_fg', verdict: 'intended', note: 'verschiedene Aufgaben', by: 'admin', at: '2026-12-03T10:00:00Z', replaced: { verdict: 'duplicate', by: 'erika', at: '2026-11-20T09:00:00Z' } },
    });
    const sel = '#str-queue [data-pair="net_ak|net_fg"]';
    await vi.waitFor(() => expect(tab.panel.querySelector(sel)).not.toBeNull());
    const note = tab.panel.querySelector<HTMLInputElement>(`${sel} input`)!;
    expect(tab.panel.querySelector(`label[for="${note.id}"]`)?.textContent).toBe('Notiz zur Entscheidung (freiwillig)');
    expect([...tab.panel.querySelectorAll(`${sel} button[data-verdict]`)].map((b) => b.textContent)).toEqual(['Doppelstruktur bestätigen', 'Gewollt', 'Keine Doppelstruktur']);
    note.value = 'verschiedene Aufgaben';
    note.dispatchEvent(new Event('input'));
    tab.panel.querySelector<HTMLButtonElement>(`${sel} button[data-verdict="intended"]`)!.click();
    await vi.waitFor(() => expect(tab.panel.querySelector('#str-decided [data-pair="net_ak|net_fg"][data-verdict="intended"]')).not.toBeNull());
    expect(posted[0]).toEqual({ a: 'net_ak', b: 'net_fg', verdict: 'intended', note: 'verschiedene Aufgaben' });
    expect(tab.panel.querySelector(sel)).toBeNull();
    const status = tab.panel.querySelector('[role="status"]')?.textContent ?? '';
    expect(status).toContain('Entschieden: Arbeitskreis Zusammenleben und Teilhabe und Fachgruppe Zusammenleben und Teilhabe – Gewollt.');
    expect(status).toContain('ersetzt die frühere „Doppelstruktur bestätigt – zusammenlegen oder abgrenzen“ von erika');
    const item = tab.panel.querySelector('#str-decided [data-pair="net_ak|net_fg"]')?.textContent ?? '';
    expect(item).toContain('Notiz: verschiedene Aufgaben');
    expect(item).toContain('admin');
    // The next card took the judged one's place and has the focus.
    expect(document.activeElement?.textContent).toContain('Arbeitskreis Zusammenleben und Teilhabe Recklinghausen');
    // The service is asked again; it agrees, so who decided stays shown.
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    await vi.waitFor(() => expect(tab.panel.querySelector('#str-decided h2')?.textContent).toBe('Bereits entschieden (3)'));
    expect(tab.panel.querySelector('#str-decided [data-pair="net_ak|net_fg"]')?.textContent).toContain('admin');
  });

  it('keeps the card and names the failure when the service refuses', async () => {
    const { tab } = mount({ judge: true, fail: true });
    const sel = '#str-queue [data-pair="net_ak|net_fg"]';
    await vi.waitFor(() => expect(tab.panel.querySelector(sel)).not.toBeNull());
    tab.panel.querySelector<HTMLButtonElement>(`${sel} button[data-verdict="not_duplicate"]`)!.click();
    await vi.waitFor(() => expect(tab.panel.querySelector(`${sel} [role="alert"]`)?.textContent).toContain('Die Entscheidung konnte nicht gespeichert werden.'));
    expect(document.activeElement?.getAttribute('data-verdict')).toBe('not_duplicate');
  });
});
