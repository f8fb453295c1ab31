// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { setLanguage } from '../i18n';
import { RefData } from '../refdata';
import { Session } from '../session';
import type { DuplicateFeature, DuplicateModel, DuplicatePair, Duplicates } from '../types';
import { dublettenQuery, dublettenView, filterOf, modelOf, pairKey, passes, queue, tabOf } from './dubletten';
import { compareTable, featureLabel, featuresTable, logit, modelPanel, modelSource, reviewQueue, whyBlock, whyText } from './dublettenmodel';

afterEach(() => setLanguage('de'));

// The built-in weights (analysis/duplicates/builtin.go) and the features of the demo's pair
// "Frauentreff in Datteln" / "Frauentreff Datteln", as the service sends them.
const builtIn: DuplicateModel = {
  region: '05562',
  source: 'built_in',
  bias: -12.071869,
  weights: {
    compound: 7.897234, description: 6.217877, format: 0.500786, languages: 2.649205, programme: 1.077416,
    same_provider: -1.986461, synonyms: 5.347259, target_groups: 2.670189, title: 0.466764, title_trigrams: 1.398507,
  },
  verdicts: 0,
  pairs: 493,
};

function features(values: Record<string, number>): DuplicateFeature[] {
  return Object.entries(values).map(([name, value]) => ({ name, value, weight: builtIn.weights[name]!, contribution: builtIn.weights[name]! * value }));
}

const frauentreff = features({
  title: 1, description: 0.8124896902259525, compound: 0.8285835167788693, synonyms: 0.8092496758942755, title_trigrams: 1,
  programme: 0.5, languages: 1, format: 1, target_groups: 1, same_provider: 1,
});

function pair(a: string, b: string, verdict?: DuplicatePair['verdict'], score = 0.9): DuplicatePair {
  return {
    a, b, title_a: a, title_b: b, score, uncertainty: 1 - Math.abs(2 * score - 1), features: frauentreff, text: 0.5, structure: 1, parts: [],
    kind: 'parallel_offer', suggestion: 'coordinate', shared_terms: [], highlights_a: [], highlights_b: [], municipalities: [], fields: [],
    target_groups: [], why: { de: `Erkannt an: ${a} und ${b}.`, en: `Detected by: ${a} and ${b}.` }, explanation: `Detected by: ${a} and ${b}. Coordinate.`,
    ...(verdict ? { verdict } : {}),
  };
}

function analysis(model: DuplicateModel = builtIn): Duplicates {
  const ab = pair('m1', 'm2');
  const bc = pair('m2', 'm3', 'duplicate');
  const de = pair('m4', 'm5');
  return {
    region: '05562', threshold: 0.6, order: 'clusters', formula: '', model, models: [model], measures: 10, candidates: 20,
    steps: { indexed: 20, bounded: 20, scored: 20, kept: 12 }, above_threshold: 3,
    pairs: [ab, bc, de],
    clusters: [
      { id: 'dup-m1', measures: ['m1', 'm2', 'm3'], pairs: [ab, bc], links: 2, kind: 'mixed', suggestion: '', score: 0.9, explanation: '' },
      { id: 'dup-m4', measures: ['m4', 'm5'], pairs: [de], links: 1, kind: 'parallel_offer', suggestion: '', score: 0.9, explanation: '' },
    ],
    reviewed: [pair('m6', 'm7', 'intended')],
    // The service sends the queue most uncertain first.
    uncertain: [pair('u1', 'u2', undefined, 0.48), pair('u3', 'u4', undefined, 0.35), pair('m4', 'm5', undefined, 0.9), pair('u5', 'u6', undefined, 0.05)],
  };
}

const cells = (row: Element) => [...row.children].map((c) => c.textContent);

describe('the filters', () => {
  it('read municipality, field and a known kind from the address and write them back', () => {
    expect(filterOf('?region=05562&municipality=05562004&field=fld_1&kind=data_duplicate')).toEqual({ municipality: '05562004', field: 'fld_1', kind: 'data_duplicate' });
    expect(filterOf('?kind=mixed')).toEqual({});
    expect(dublettenQuery('05562', 'angebote', 'fitted', { field: 'fld_1' })).toEqual({ region: '05562', field: 'fld_1' });
  });

  it('let a pair pass when both entries share the municipality and the field, and the kind matches', () => {
    const p = { ...pair('m1', 'm2'), municipalities: ['05562004'], fields: ['fld_1'], kind: 'data_duplicate' };
    expect(passes(p, {})).toBe(true);
    expect(passes(p, { municipality: '05562004', field: 'fld_1', kind: 'data_duplicate' })).toBe(true);
    expect(passes(p, { municipality: '05562008' })).toBe(false);
    expect(passes(p, { field: 'fld_2' })).toBe(false);
    expect(passes(p, { kind: 'parallel_offer' })).toBe(false);
  });
});

describe('pairKey', () => {
  it('is the same either way round', () => {
    expect(pairKey('m2', 'm1')).toBe('m1|m2');
    expect(pairKey('m1', 'm2')).toBe('m1|m2');
  });
});

describe('queue', () => {
  it('keeps the open pairs in their clusters and lists the decided ones', () => {
    const q = queue(analysis(), new Map());
    expect(q.clusters.map((c) => [c.cluster.id, c.open.map((p) => pairKey(p.a, p.b))])).toEqual([
      ['dup-m1', ['m1|m2']],
      ['dup-m4', ['m4|m5']],
    ]);
    expect(q.decided.map((p) => [pairKey(p.a, p.b), p.verdict])).toEqual([
      ['m2|m3', 'duplicate'],
      ['m6|m7', 'intended'],
    ]);
  });

  it('applies a verdict given in the page at once, and drops emptied clusters', () => {
    const local = new Map([['m4|m5', { verdict: 'not_duplicate' as const, by: 'erika', at: '2026-11-21T10:00:00Z' }]]);
    const q = queue(analysis(), local);
    expect(q.clusters.map((c) => c.cluster.id)).toEqual(['dup-m1']);
    expect(q.decided.find((p) => p.a === 'm4')?.verdict).toBe('not_duplicate');
  });
});

describe('why a pair was detected', () => {
  it('lists every feature in German words with value, weight and signed contribution, then the bias and the sum', () => {
    const table = featuresTable(pair('m1', 'm2'), builtIn.bias);
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      'Titel', 'Beschreibung', 'Wortteile', 'Bedeutung (Synonyme)', 'Schreibweise (Titel-Trigramme)',
      'Programm', 'Sprachen', 'Format', 'Zielgruppen', 'Gleicher Träger',
    ]);
    expect(cells(table.querySelector('[data-feature="compound"]')!)).toEqual(['Wortteile', '0,83', '7,90', '+6,54']);
    expect(cells(table.querySelector('[data-feature="same_provider"]')!)).toEqual(['Gleicher Träger', '1,00', '−1,99', '−1,99']);
    expect(cells(table.querySelector('[data-feature="programme"]')!)).toEqual(['Programm', '0,50', '1,08', '+0,54']);
    expect(cells(table.querySelector('tfoot .dup-bias')!)).toEqual(['Grundwert', '−12,07']);
    expect(cells(table.querySelector('tfoot .dup-logit')!)).toEqual(['Summe', '+10,09']);
    // The bias plus the contributions is the logit of the service's probability.
    expect(1 / (1 + Math.exp(-logit(builtIn.bias, frauentreff)))).toBeCloseTo(0.9999584501664011, 9);
    expect(table.querySelector('caption')?.textContent).toBe('Merkmale des Paares und ihr Beitrag zur Wahrscheinlichkeit');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col']);
  });

  it('names the features in English, and a feature it does not know by its code, last', () => {
    setLanguage('en');
    const p = { ...pair('m1', 'm2'), features: [{ name: 'semantic', value: 0.5, weight: 2, contribution: 1 }, ...frauentreff] };
    const table = featuresTable(p, builtIn.bias);
    const names = [...table.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(names.slice(0, 3)).toEqual(['Title', 'Description', 'Word parts']);
    expect(names.at(-1)).toBe('Other feature (semantic)');
    expect(cells(table.querySelector('[data-feature="same_provider"]')!)).toEqual(['Same provider', '1.00', '−1.99', '−1.99']);
    expect(featureLabel('synonyms')).toBe('Meaning (synonyms)');
  });

  it('says why in the language of the page, with the probability against the threshold', () => {
    const block = whyBlock(pair('m1', 'm2'), analysis());
    expect(block.querySelector('h4')?.textContent).toBe('Warum erkannt?');
    expect(block.querySelector('.dup-why-text')?.textContent).toBe('Erkannt an: m1 und m2.');
    expect(block.querySelector('.dup-why-text')?.hasAttribute('lang')).toBe(false);
    expect(block.querySelector('details summary')?.textContent).toBe('Alle Merkmale mit Gewicht und Beitrag');
    expect(block.querySelector('details .dup-features')).not.toBeNull();
    expect(block.querySelector('.dup-probability')?.textContent).toBe('Wahrscheinlichkeit 0,90 ≥ Schwelle 0,60: als Dublette gemeldet.');
    const below = whyBlock(pair('u5', 'u6', undefined, 0.05), analysis());
    expect(below.querySelector('.dup-probability')?.textContent).toBe('Wahrscheinlichkeit 0,05 < Schwelle 0,60: nicht als Dublette gemeldet.');

    setLanguage('en');
    const en = whyBlock(pair('m1', 'm2'), analysis());
    expect(en.querySelector('h4')?.textContent).toBe('Why detected?');
    expect(en.querySelector('.dup-why-text')?.textContent).toBe('Detected by: m1 and m2.');
    expect(en.querySelector('.dup-probability')?.textContent).toBe('Probability 0.90 ≥ threshold 0.60: reported as a duplicate.');
  });

  it('falls back to the English sentence, marked as English, when the German one is missing', () => {
    const p = { ...pair('m1', 'm2'), why: { de: '', en: 'Detected by: word parts.' } };
    expect(whyText(p)).toEqual({ text: 'Detected by: word parts.', lang: 'en' });
    const block = whyBlock(p, analysis());
    expect(block.querySelector('.dup-why-text')?.getAttribute('lang')).toBe('en');
  });
});

describe('what both entries say', () => {
  const parts = [
    { name: 'format', value: 0.5, weight: 0.5, a: 'in_person', b: 'hybrid', note: { de: 'Eines ist hybrid: halbe Übereinstimmung.', en: 'one is hybrid: half agreement' } },
    { name: 'time', value: 1, weight: 0, a: '2025-01-01 – …', b: '… – 2026-07-10', note: { de: 'Die Zeiträume überschneiden sich (Bedingung der Vorauswahl).', en: 'the runs overlap (a condition of the blocking)' } },
  ];
  it('shows the period in German dates and the service note in the page language', () => {
    const table = compareTable({ ...pair('m1', 'm2'), parts })!;
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Format', 'Präsenz', 'hybrid', 'Eines ist hybrid: halbe Übereinstimmung.'],
      ['Zeitraum', '01.01.2025 – offen', 'offen – 10.07.2026', 'Die Zeiträume überschneiden sich (Bedingung der Vorauswahl).'],
    ]);
    setLanguage('en');
    const en = compareTable({ ...pair('m1', 'm2'), parts })!;
    expect([...en.querySelectorAll('tbody tr')][1]!.lastElementChild?.textContent).toBe('the runs overlap (a condition of the blocking)');
  });
});

describe('the review queue', () => {
  it('lists the unreviewed uncertain pairs, the most uncertain first, without those decided in the page', () => {
    const d = analysis();
    expect(reviewQueue(d, new Map()).map((p) => pairKey(p.a, p.b))).toEqual(['u1|u2', 'u3|u4', 'm4|m5', 'u5|u6']);
    // The order is the uncertainty's, whatever order the pairs come in.
    d.uncertain = [...d.uncertain].reverse();
    expect(reviewQueue(d, new Map()).map((p) => pairKey(p.a, p.b))).toEqual(['u1|u2', 'u3|u4', 'm4|m5', 'u5|u6']);
    const local = new Map([['u3|u4', { verdict: 'not_duplicate' as const }]]);
    d.uncertain.push(pair('u7', 'u8', 'duplicate', 0.5));
    expect(reviewQueue(d, local).map((p) => pairKey(p.a, p.b))).toEqual(['u1|u2', 'm4|m5', 'u5|u6']);
  });
});

describe('the model', () => {
  const fitted: DuplicateModel = { ...builtIn, source: 'fitted', bias: -12.86, verdicts: 3, verdict_weight: 10, pairs: 496 };

  it('says where its weights come from', () => {
    expect(modelSource(builtIn, false)).toBe('Eingebaute Gewichte, gelernt an 493 Beispielpaaren. Entscheidungen dieser Region gibt es noch nicht; mit jeder passt sich das Modell an.');
    expect(modelSource(fitted, false)).toBe('An 3 Entscheidungen dieser Region angepasst. Jede Entscheidung zählt so viel wie 10 eingebaute Beispielpaare.');
    expect(modelSource({ ...fitted, verdicts: 1 }, false)).toMatch(/^An 1 Entscheidung dieser Region angepasst\./);
    expect(modelSource(builtIn, true)).toBe('Eingebaute Gewichte, ohne die Entscheidungen dieser Region – zum Vergleich.');
    setLanguage('en');
    expect(modelSource(fitted, false)).toBe('Fitted to 3 verdicts of this region. Each verdict counts as much as 10 built-in example pairs.');
  });

  it('shows the weights by feature, the bias and the threshold, and switches to the built-in weights', () => {
    const onBuiltIn = vi.fn();
    const panel = modelPanel(analysis(fitted), false, onBuiltIn);
    expect(panel.querySelector('h2')?.textContent).toBe('Modell');
    expect(panel.textContent).toContain('Schwelle: Paare ab einer Wahrscheinlichkeit von 0,60 werden als Dublette gemeldet.');
    const rows = [...panel.querySelectorAll('.dup-weights tbody tr')].map(cells);
    expect(rows[0]).toEqual(['Titel', '0,47']);
    expect(rows.at(-1)).toEqual(['Gleicher Träger', '−1,99']);
    expect(cells(panel.querySelector('.dup-weights tfoot tr')!)).toEqual(['Grundwert', '−12,86']);
    const box = panel.querySelector<HTMLInputElement>('#dup-model-builtin')!;
    expect(panel.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Ohne Entscheidungen (eingebaute Gewichte)');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(onBuiltIn).toHaveBeenCalledWith(true);
  });
});

describe('the tabs', () => {
  it('take the tab and the model from the address, Angebote and the fitted model unless named', () => {
    expect(tabOf('?region=05562&tab=strukturen')).toBe('strukturen');
    expect(tabOf('?region=05562&tab=pruefliste')).toBe('pruefliste');
    expect(tabOf('?region=05562')).toBe('angebote');
    expect(tabOf('?tab=unbekannt')).toBe('angebote');
    expect(modelOf('?region=05562&model=built_in')).toBe('built_in');
    expect(modelOf('?region=05562&model=irgendwas')).toBe('fitted');
    expect(dublettenQuery('05562', 'strukturen')).toEqual({ region: '05562', tab: 'strukturen', model: undefined });
    expect(dublettenQuery('05562', 'angebote')).toEqual({ region: '05562', tab: undefined, model: undefined });
    expect(dublettenQuery('05562', 'pruefliste', 'built_in')).toEqual({ region: '05562', tab: 'pruefliste', model: 'built_in' });
  });

  describe('in the view', () => {
    afterEach(() => history.replaceState(null, '', '/'));

    async function mount(search: string, opts: { signedIn?: boolean; answers?: Duplicates[] } = {}) {
      history.replaceState(null, '', `/dubletten${search}`);
      const asked: string[] = [];
      const posted: unknown[] = [];
      const answers = opts.answers ?? [analysis()];
      let duplicatesCalls = 0;
      const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'http://x');
        asked.push(url.pathname + url.search);
        let body: unknown = {};
        let code = 200;
        if (url.pathname === '/api/v1/regions') body = { items: [{ id: '05562', name: 'Kreis Recklinghausen', kind: 'county' }], next_cursor: '', total: 1 };
        else if (url.pathname === '/api/v1/analysis/duplicates') body = answers[Math.min(duplicatesCalls++, answers.length - 1)];
        else if (url.pathname === '/api/v1/analysis/duplicates/verdicts') {
          const sent = JSON.parse(String(init?.body)) as { a: string; b: string; verdict: string };
          posted.push(sent);
          body = { ...sent, by: 'erika', at: '2026-11-21T10:00:00Z' };
        } else if (url.pathname === '/api/v1/analysis/structures')
          body = { region: '05562', params: { min_jaccard: 0.5, min_shared: 3, min_purpose: 0.5, lang: 'de' }, networks: 3, concepts: 0, overlaps: [], reviewed: [] };
        else if (url.pathname === '/api/v1/auth/me') {
          body = opts.signedIn ? { username: 'erika', admin: true, roles: {} } : {};
          code = opts.signedIn ? 200 : 401;
        } else if (url.pathname.startsWith('/api/v1/measures/')) {
          const id = url.pathname.split('/').at(-1);
          body = { id, title: id, description: `Beschreibung von ${id}` };
        }
        return new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } });
      });
      const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
      const session = new Session(api);
      if (opts.signedIn) await session.load();
      const target = document.createElement('main');
      document.body.replaceChildren(target);
      const view = dublettenView(target, { api, session, refdata: new RefData(api), navigate: () => undefined });
      return { target, view, asked, posted };
    }

    it('opens the tab the address names, loads only what it shows, and keeps the choice in the address', async () => {
      const { target, view, asked } = await mount('?region=05562&tab=strukturen');
      const tab = (k: string) => target.querySelector<HTMLButtonElement>(`#dup-tab-${k}`)!;
      const viewTab = (k: string) => target.querySelector<HTMLButtonElement>(`#dup-view-tab-${k}`)!;
      expect(tab('strukturen').getAttribute('aria-selected')).toBe('true');
      expect(target.querySelector<HTMLElement>('#dup-panel-angebote')?.hidden).toBe(true);
      await vi.waitFor(() => expect(target.querySelector('#str-queue .empty')?.textContent).toBe('Keine Doppelstrukturen gefunden.'));
      expect(asked.some((a) => a.startsWith('/api/v1/analysis/duplicates'))).toBe(false);

      tab('strukturen').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      expect(location.search).toBe('?region=05562');
      expect(target.querySelector<HTMLElement>('#dup-panel-angebote')?.hidden).toBe(false);
      expect(document.activeElement).toBe(tab('angebote'));
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(2));
      expect(target.querySelector<HTMLElement>('#dup-view-panel-pruefliste')?.hidden).toBe(true);

      // Within Angebote: the Prüfliste, from the same analysis.
      viewTab('paare').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      expect(location.search).toBe('?region=05562&tab=pruefliste');
      expect(document.activeElement).toBe(viewTab('pruefliste'));
      expect(target.querySelectorAll('#dup-review .dup-pair')).toHaveLength(4);
      expect(target.querySelector<HTMLElement>('#dup-view-panel-paare')?.hidden).toBe(true);
      expect(asked.filter((a) => a.startsWith('/api/v1/analysis/duplicates'))).toHaveLength(1);

      // Doppelstrukturen and back: Angebote remembers its view.
      tab('angebote').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      expect(location.search).toBe('?region=05562&tab=strukturen');
      tab('strukturen').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      expect(location.search).toBe('?region=05562&tab=pruefliste');
      view.unmount();
    });

    it('shows why each pair of the Angebote was detected, in German', async () => {
      const { target, view } = await mount('?region=05562');
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(2));
      const card = target.querySelector('#dup-queue [data-pair="m1|m2"]')!;
      expect(card.querySelector('.dup-score')?.textContent).toContain('Wahrscheinlichkeit 0,90');
      expect(card.querySelector('.dup-why-text')?.textContent).toBe('Erkannt an: m1 und m2.');
      expect(card.querySelector('.dup-features [data-feature="synonyms"] th')?.textContent).toBe('Bedeutung (Synonyme)');
      expect(target.querySelector('.dup-formula')?.textContent).toContain('logistische Regression');
      view.unmount();
    });

    it('lists the Prüfliste most uncertain first, records a verdict from it, and shows the refitted model', async () => {
      const after = analysis({ ...builtIn, source: 'fitted', bias: -12.86, verdicts: 1, verdict_weight: 10, pairs: 494 });
      after.uncertain = after.uncertain.filter((p) => p.a !== 'u1');
      const { target, view, asked, posted } = await mount('?region=05562&tab=pruefliste', { signedIn: true, answers: [analysis(), after] });
      const keys = () => [...target.querySelectorAll<HTMLElement>('#dup-review .dup-pair')].map((e) => e.dataset.pair);
      await vi.waitFor(() => expect(keys()).toEqual(['u1|u2', 'u3|u4', 'm4|m5', 'u5|u6']));
      expect(target.querySelector('#dup-view-panel-pruefliste .dup-review-intro')?.textContent).toContain('lehrt das Modell am meisten');
      expect(target.querySelector('#dup-review h2')?.textContent).toBe('Zu prüfen (4)');
      expect(target.querySelector('#dup-review [data-pair="u1|u2"] .dup-score')?.textContent).toBe('Wahrscheinlichkeit 0,48 < Schwelle 0,60: nicht als Dublette gemeldet.');
      expect(target.querySelector('#dup-model .dup-model-source')?.textContent).toMatch(/^Eingebaute Gewichte, gelernt an 493/);
      // Only the Prüfliste's texts are loaded here.
      await vi.waitFor(() => expect(target.querySelector('#dup-review [data-pair="u1|u2"] .dup-text p')?.textContent).toBe('Beschreibung von u1'));
      expect(asked.some((a) => a === '/api/v1/measures/m1')).toBe(false);

      target.querySelector<HTMLButtonElement>('#dup-review [data-pair="u1|u2"] button[data-verdict="not_duplicate"]')!.click();
      await vi.waitFor(() => expect(posted).toEqual([{ a: 'u1', b: 'u2', verdict: 'not_duplicate' }]));
      await vi.waitFor(() => expect(target.querySelector('#dup-model .dup-model-source')?.textContent).toMatch(/^An 1 Entscheidung dieser Region angepasst\./));
      expect(keys()).toEqual(['u3|u4', 'm4|m5', 'u5|u6']);
      expect(asked.filter((a) => a.startsWith('/api/v1/analysis/duplicates?'))).toHaveLength(2);
      expect(target.querySelector('#dup-panel-angebote [role="status"]')?.textContent).toBe('Entschieden: u1 und u2 – Keine Dublette.');
      expect(document.activeElement?.closest('[data-pair]')?.getAttribute('data-pair')).toBe('u3|u4');
      view.unmount();
    });

    it('sends the note typed for a pair with its verdict and shows it among the decided pairs', async () => {
      // The service's next answer carries the verdict with its note (the pair objects are
      // shared by pairs and clusters).
      const after = analysis();
      Object.assign(after.pairs.find((p) => p.a === 'm1' && p.b === 'm2')!, { verdict: 'not_duplicate', verdict_by: 'erika', verdict_at: '2026-11-21T10:00:00Z', verdict_note: 'Verschiedene Wochentage' });
      const { target, view, posted } = await mount('?region=05562', { signedIn: true, answers: [analysis(), after] });
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(2));
      const card = target.querySelector<HTMLElement>('#dup-queue .dup-pair[data-pair="m1|m2"]')!;
      const key = card.dataset.pair!;
      const input = card.querySelector<HTMLInputElement>('.dup-note-input')!;
      expect(target.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Notiz zur Entscheidung (freiwillig)');
      input.value = ' Verschiedene Wochentage ';
      input.dispatchEvent(new Event('input'));
      card.querySelector<HTMLButtonElement>('button[data-verdict="not_duplicate"]')!.click();
      const [a, b] = key.split('|');
      await vi.waitFor(() => expect(posted).toEqual([{ a, b, verdict: 'not_duplicate', note: 'Verschiedene Wochentage' }]));
      await vi.waitFor(() => expect(target.querySelector(`#dup-decided [data-pair="${key}"] .dup-decided-note`)?.textContent).toBe(' – Notiz: Verschiedene Wochentage'));
      view.unmount();
    });

    it('shows only the pairs of the kind the address names', async () => {
      const d = analysis();
      d.pairs[0]!.kind = 'data_duplicate';
      const { target, view } = await mount('?region=05562&kind=parallel_offer', { answers: [d] });
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(1));
      expect(target.querySelector<HTMLSelectElement>('#dup-filter-kind')?.value).toBe('parallel_offer');
      expect(target.querySelector('label[for="dup-filter-kind"]')?.textContent).toBe('Art');
      expect([...target.querySelectorAll<HTMLAnchorElement>('.dup-downloads a')].map((a) => a.getAttribute('href'))).toEqual([
        '/api/v1/analysis/duplicates?region=05562&format=xlsx',
        '/api/v1/analysis/duplicates?region=05562&format=csv',
      ]);
      const kind = target.querySelector<HTMLSelectElement>('#dup-filter-kind')!;
      kind.value = '';
      kind.dispatchEvent(new Event('change'));
      expect(location.search).toBe('?region=05562');
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(2));
      view.unmount();
    });

    it('scores without the verdicts when asked, and says so', async () => {
      const { target, view, asked } = await mount('?region=05562&tab=pruefliste');
      await vi.waitFor(() => expect(target.querySelector('#dup-model-builtin')).not.toBeNull());
      const box = target.querySelector<HTMLInputElement>('#dup-model-builtin')!;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
      await vi.waitFor(() => expect(asked).toContain('/api/v1/analysis/duplicates?region=05562&model=built_in'));
      expect(location.search).toBe('?region=05562&tab=pruefliste&model=built_in');
      await vi.waitFor(() => expect(target.querySelector('#dup-model .dup-model-source')?.textContent).toBe('Eingebaute Gewichte, ohne die Entscheidungen dieser Region – zum Vergleich.'));
      expect(target.querySelector<HTMLInputElement>('#dup-model-builtin')?.checked).toBe(true);
      view.unmount();
    });
  });
});
