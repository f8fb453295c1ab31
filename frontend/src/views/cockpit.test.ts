// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { sample } from '../attainment.sample';
import { setLanguage } from '../i18n';
import { RefData } from '../refdata';
import { resolve } from '../router';
import { Session } from '../session';
import type { SnapshotInfo } from '../types';
import { createCockpit, indicatorLine, periodProblem, type CockpitState } from './cockpit';

afterEach(() => setLanguage('de'));

describe('the indicator line', () => {
  it('says the latest value and the target in German', () => {
    const ind = { ...sample.indicators[0]!, latest: { year: 2024, value: 31 } };
    expect(indicatorLine(ind)).toBe('2024: 31\u00a0% · Ziel 35\u00a0% bis 2028');
    expect(indicatorLine({ ...ind, direction: 'range', target: 10, target_upper: 20, target_year: undefined })).toBe('2024: 31\u00a0% · Zielkorridor 10\u00a0% bis 20\u00a0%');
  });
});

describe('the report period', () => {
  const snaps = [{ id: 'snp_1', taken: '2026-03-01T10:00:00Z' }, { id: 'snp_2', taken: '2026-09-01T10:00:00Z' }] as SnapshotInfo[];
  it('refuses days to come and a start after the end', () => {
    expect(periodProblem(undefined, undefined, snaps, '2026-12-03')).toBeUndefined();
    expect(periodProblem('snp_1', 'snp_2', snaps, '2026-12-03')).toBeUndefined();
    expect(periodProblem('snp_2', 'snp_1', snaps, '2026-12-03')).toBe('Der Anfang liegt nach dem Ende. Tauschen Sie die beiden.');
    expect(periodProblem('2026-01-01', '2027-01-01', snaps, '2026-12-03')).toContain('noch nicht gekommen');
  });
});

describe('the route', () => {
  it('owns the pages below /steuerung', () => {
    expect(resolve('/steuerung/kennzahl/ind_1')).toMatchObject({ kind: 'route', route: { id: 'steuerung' } });
  });
});

describe('the cockpit', () => {
  function mount(state: CockpitState, user: unknown = null) {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://x');
      const body =
        url.pathname === '/api/v1/analysis/monitoring'
          ? sample
          : url.pathname.startsWith('/api/v1/analysis/monitoring/goals/')
            ? { goal: sample.goals.find((g) => url.pathname.endsWith(g.goal)), indicators: [], children: [], measures: [{ id: 'msr_1', title: 'Sprachkita', status: 'active', reference: 'M 1.1', lead: { id: 'org_1', name: 'Kreis' } }] }
            : url.pathname === '/api/v1/fields'
              ? { items: [{ id: 'fld_bildung', name: 'Bildung' }], next_cursor: '', total: 1 }
              : url.pathname === '/api/v1/auth/me'
                ? user
                : {};
      return new Response(JSON.stringify(body), { status: user === null && url.pathname === '/api/v1/auth/me' ? 401 : 200, headers: { 'Content-Type': 'application/json' } });
    });
    const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    const session = new Session(api);
    let s = state;
    const c = createCockpit({ api, session, refdata: new RefData(api), navigate: () => undefined }, () => s, (patch) => (s = { ...s, ...patch }));
    document.body.replaceChildren(c.cockpit, c.report);
    c.load();
    return { c, session, fetch, get state() { return s; } };
  }

  it('shows the tree with each goal’s class as a word, closed goals and open Leitlinien', async () => {
    const { c } = mount({ region: '05562' });
    await vi.waitFor(() => expect(c.cockpit.dataset.state).toBe('ready'));
    expect(c.cockpit.querySelector('#cockpit-summary')?.textContent).toBe('5 Ziele, Stand 2024: 1 erreicht · 1 auf Kurs · 2 gefährdet · 1 keine Daten.');
    const goal = c.cockpit.querySelector('[data-goal="gol_1"]')!;
    expect(goal.querySelector(':scope > .tree-row .att-word')?.textContent).toBe('auf Kurs');
    const button = goal.querySelector<HTMLButtonElement>(':scope > .tree-row button.disclosure')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-labelledby')).toBe('tree-goal-gol_1-name');
    expect((c.cockpit.querySelector('#tree-goal-gol_1') as HTMLElement).hidden).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect((c.cockpit.querySelector('#tree-goal-gol_1') as HTMLElement).hidden).toBe(false);
    // sub-goal with its measure and lead body, the indicator with a sparkline
    const sub = c.cockpit.querySelector('#tree-goal-gol_2')!;
    expect(sub.querySelector('.tree-measures')?.textContent).toContain('Federführung: Kreis');
    expect(sub.querySelector('.tree-indicators svg.sparkline')?.getAttribute('role')).toBe('img');
    // the Leitlinien are open, the empty one says so
    expect(c.cockpit.querySelector('[data-guideline="gdl_2"]')?.textContent).toContain('Noch keine Ziele.');
  });

  it('filters through its state and offers no edit links to readers', async () => {
    const { c } = mount({ region: '05562', field: 'fld_wohnen' });
    await vi.waitFor(() => expect(c.cockpit.dataset.state).toBe('ready'));
    expect([...c.cockpit.querySelectorAll('[data-goal]')].map((x) => x.getAttribute('data-goal'))).toEqual(['gol_4']);
    expect(c.cockpit.querySelector('#cockpit-summary')?.textContent).toContain('Ein Ziel von 5 passen zu den Filtern');
    expect(c.cockpit.querySelector('#cockpit-actions')).toBeNull();
    expect(c.report.querySelector('#report-formats')).toBeNull();
    expect(c.report.querySelector('#report-sign-in')).not.toBeNull();
  });

  it('gives coordinators the forms and members the report in four formats', async () => {
    const { c, session } = mount({ region: '05562', rto: '2026-06-30' }, { username: 'k', admin: false, roles: { '05562': 'coordinator' } });
    await session.load();
    await vi.waitFor(() => expect(c.cockpit.dataset.state).toBe('ready'));
    c.render();
    expect(c.cockpit.querySelector('#new-goal')?.getAttribute('href')).toBe('/steuerung/neu/ziel?region=05562');
    const links = [...c.report.querySelectorAll<HTMLAnchorElement>('#report-formats a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['html', 'pdf', 'docx', 'xlsx'].map((f) => `/api/v1/reports/status?region=05562&to=2026-06-30&format=${f}&lang=de`));
    expect(c.report.querySelector('#report-period')?.textContent).toBe('Zeitraum: letzter gespeicherter Stand davor bis 30.06.2026.');
  });
});
