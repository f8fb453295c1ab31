// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { setLanguage } from '../i18n';
import { fold, matchChoices, MultiSelect } from '../multiselect';
import { entryForm, nodeChanges, placeField, relationChangeSet, relSpecs, scalarSpecs, storedPicked } from './entryform';

afterEach(() => {
  setLanguage('de');
  document.body.replaceChildren();
});

describe('the searchable multi-select', () => {
  const towns = [
    { value: '05562012', label: 'Marl' },
    { value: '05562004', label: 'Dorsten' },
    { value: '05562028', label: 'Gladbeck' },
    { value: '05562032', label: 'Haltern am See' },
    { value: '05562036', label: 'Münster-Hiltrup', hint: 'Test' },
  ];

  it('folds case, umlauts and ß', () => {
    expect(fold('Münster STRAßE')).toBe('munster strasse');
  });

  it('finds by every word, labels starting with the query first, without the picked ones', () => {
    expect(matchChoices(towns, 'am see', new Set()).shown.map((c) => c.label)).toEqual(['Haltern am See']);
    expect(matchChoices(towns, 'munster', new Set()).shown.map((c) => c.label)).toEqual(['Münster-Hiltrup']);
    expect(matchChoices(towns, 'a', new Set(['05562012'])).shown.map((c) => c.label)).toEqual(['Gladbeck', 'Haltern am See']);
    expect(matchChoices(towns, 'm', new Set()).shown.map((c) => c.label)).toEqual(['Marl', 'Münster-Hiltrup', 'Haltern am See']);
    const many = Array.from({ length: 120 }, (_, i) => ({ value: String(i), label: `Verein ${i}` }));
    const found = matchChoices(many, 'verein', new Set(), 50);
    expect(found.shown).toHaveLength(50);
    expect(found.more).toBe(70);
  });

  it('adds by keyboard and removes with a named button', () => {
    const ms = new MultiSelect({ id: 'm', legend: 'Kommunen', choices: towns, picked: [{ value: '05562012', props: {} }] });
    document.body.append(ms.element);
    const input = ms.element.querySelector('#m-search') as HTMLInputElement;
    expect(input.getAttribute('role')).toBe('combobox');
    input.value = 'dor';
    input.dispatchEvent(new Event('input'));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe('m-opt-0');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(ms.values().map((p) => p.value)).toEqual(['05562012', '05562004']);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const remove = ms.element.querySelector('[aria-label="Marl entfernen"]') as HTMLButtonElement;
    remove.click();
    expect(ms.values().map((p) => p.value)).toEqual(['05562004']);
  });

  it('keeps the properties typed for an entry when others are added', () => {
    const ms = new MultiSelect({
      id: 'p',
      legend: 'Mitglieder',
      choices: towns,
      picked: [{ value: '05562012', props: { role: 'Vorsitz', since: '01.01.2020' } }],
      props: [
        { name: 'role', label: 'Funktion', type: 'text' },
        { name: 'since', label: 'seit', type: 'date' },
      ],
    });
    document.body.append(ms.element);
    (ms.element.querySelector('#p-0-role') as HTMLInputElement).value = 'Sprecherin';
    const input = ms.element.querySelector('#p-search') as HTMLInputElement;
    input.value = 'glad';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(ms.values()).toEqual([
      { value: '05562012', props: { role: 'Sprecherin', since: '01.01.2020' } },
      { value: '05562028', props: { role: '', since: '' } },
    ]);
    expect(ms.element.querySelector('label[for="p-1-since"]')?.textContent).toBe('seit (Gladbeck)');
  });
});

describe('the change set of an entry', () => {
  const members = relSpecs.networks.find((s) => s.key === 'members')!;
  const partners = relSpecs.organisations.find((s) => s.key === 'partners')!;

  it('reads stored relationships from the entry’s side, symmetric ones from both', () => {
    const rels = [
      { type: 'MEMBER_OF', from: 'org_a', to: 'net_1', props: { role: 'Vorsitz', since: '2020-01-01' } },
      { type: 'MEMBER_OF', from: 'act_x', to: 'net_1' },
      { type: 'COOPERATES_WITH', from: 'org_0', to: 'org_b' },
      { type: 'COOPERATES_WITH', from: 'org_b', to: 'org_z', props: { note: 'Sprachkurse' } },
    ];
    expect(storedPicked('net_1', members, rels)).toEqual([{ value: 'org_a', props: { role: 'Vorsitz', since: '01.01.2020' } }]);
    expect(storedPicked('org_b', partners, rels).map((p) => p.value)).toEqual(['org_0', 'org_z']);
  });

  it('adds new and changed relationships, removes dropped ones, and sends dates as ISO', () => {
    const stored = [
      { value: 'org_a', props: { role: 'Vorsitz', since: '01.01.2020' } },
      { value: 'org_b', props: { role: '', since: '' } },
      { value: 'org_c', props: { role: '', since: '' } },
    ];
    const picked = [
      { value: 'org_a', props: { role: 'Vorsitz', since: '1.1.2020' } },
      { value: 'org_b', props: { role: 'Geschäftsführung', since: '' } },
      { value: 'org_d', props: { role: '', since: '15.03.2024' } },
    ];
    const set = relationChangeSet(members, stored, picked);
    expect(set.problems).toEqual([]);
    expect(set.relate).toEqual([
      { type: 'MEMBER_OF', from: 'org_b', to: 'self', props: { role: 'Geschäftsführung' } },
      { type: 'MEMBER_OF', from: 'org_d', to: 'self', props: { since: '2024-03-15' } },
    ]);
    expect(set.unrelate).toEqual([{ type: 'MEMBER_OF', from: 'org_c', to: 'self' }]);
  });

  it('finds a date that is none before sending', () => {
    const set = relationChangeSet(members, [], [{ value: 'org_a', props: { role: '', since: '31.02.2024' } }]);
    expect(set.problems).toEqual([{ key: 'members', value: 'org_a', prop: 'since', message: 'entry.error.date' }]);
  });

  it('builds a new entry from the filled fields and a patch of the changed ones', () => {
    const specs = scalarSpecs.measures;
    const texts = { title: ' Elterncafé ', status: 'active', level: 'operational', description: '', starts: '01.09.2026', ends: '', format: 'in_person', cost: '2,50', capacity: '12', programme: '', website: '', visibility: 'public' };
    expect(nodeChanges(specs, undefined, texts, ['de', 'ar'])).toEqual({
      node: { title: 'Elterncafé', status: 'active', level: 'operational', starts: '2026-09-01', format: 'in_person', languages: ['de', 'ar'], cost: 2.5, capacity: 12, visibility: 'public' },
      problems: [],
    });
    const stored = { title: 'Elterncafé', status: 'active', level: 'operational', starts: '2026-09-01', format: 'in_person', languages: ['de'], capacity: 12, visibility: 'public' };
    expect(nodeChanges(specs, stored, { ...texts, format: '', capacity: '12', cost: '' }, [])).toEqual({ node: { format: null, languages: null }, problems: [] });
    expect(nodeChanges(specs, stored, { ...texts, title: '', capacity: '1,5', starts: '2026-13-01' }, ['de']).problems.map((p) => [p.key, p.message])).toEqual([
      ['title', 'plan.error.required'],
      ['starts', 'entry.error.date'],
      ['capacity', 'entry.error.integer'],
    ]);
  });

  it('sends a person’s consent as true or false', () => {
    const specs = scalarSpecs.actors;
    const texts = { name: 'Erika Muster', role: 'Beratung', email: 'erika@example.org', phone: '', consent: 'true', visibility: 'internal' };
    expect(nodeChanges(specs, undefined, texts, undefined).node).toEqual({ name: 'Erika Muster', role: 'Beratung', email: 'erika@example.org', consent: true, visibility: 'internal' });
    expect(nodeChanges(specs, undefined, { ...texts, consent: '' }, undefined).node.consent).toBeUndefined();
    const stored = { name: 'Erika Muster', role: 'Beratung', email: 'erika@example.org', consent: true, visibility: 'internal' };
    expect(nodeChanges(specs, stored, { ...texts, consent: '' }, undefined).node).toEqual({ consent: false });
    expect(nodeChanges(specs, stored, texts, undefined).node).toEqual({});
  });

  it('places the service’s problems at the entry’s fields and at the relationship they name', () => {
    const relate = [
      { key: 'fields', value: 'fld_1' },
      { key: 'providers', value: 'org_a' },
    ];
    expect(placeField('title', relate, [])).toEqual({ key: 'title' });
    expect(placeField('funding[0].amount', relate, [])).toEqual({ key: 'funding' });
    expect(placeField('relate[1].props.role', relate, [])).toEqual({ key: 'providers', value: 'org_a', prop: 'role' });
    expect(placeField('relate[0].to', relate, [])).toEqual({ key: 'fields', value: 'fld_1' });
    expect(placeField('relate[7]', relate, [])).toBeUndefined();
  });
});

describe('the entry form', () => {
  function api(handler: (url: string, init: RequestInit) => Response): ApiClient {
    return new ApiClient({ fetch: vi.fn(async (u: RequestInfo | URL, i?: RequestInit) => handler(String(u), i ?? {})) as unknown as typeof fetch, csrfToken: () => 't' });
  }
  const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
  const choices = {
    organisations: [{ value: 'org_a', label: 'Caritas' }],
    fields: [{ value: 'fld_1', label: 'Sprache und Bildung' }],
    groups: [{ value: 'tgr_1', label: 'Eltern' }],
    municipalities: [{ value: '05562012', label: 'Marl' }],
    goals: [],
  };

  function pick(form: HTMLElement, id: string, query: string): void {
    const input = form.querySelector(`#${id}-search`) as HTMLInputElement;
    input.value = query;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  }

  it('creates an entry with its relationships in one change set', async () => {
    const bodies: unknown[] = [];
    const saved = vi.fn();
    const form = entryForm({
      api: api((url, init) => {
        bodies.push([init.method, url, JSON.parse(String(init.body))]);
        return json({ node: { id: 'msr_9', version: 1 }, relations: [] }, 201);
      }),
      collection: 'measures',
      region: '05562',
      choices,
      onSaved: saved,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#edit-title') as HTMLInputElement).value = 'Elterncafé';
    pick(form, 'edit-providers', 'cari');
    (form.querySelector('#edit-providers-0-role') as HTMLSelectElement).value = 'lead';
    pick(form, 'edit-fields', 'sprache');
    pick(form, 'edit-municipalities', 'marl');
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    expect(bodies).toEqual([
      [
        'POST',
        '/api/v1/changes',
        {
          kind: 'measure',
          node: { title: 'Elterncafé', status: 'active', level: 'operational', visibility: 'public', region: '05562' },
          relate: [
            { type: 'PROVIDES', from: 'org_a', to: 'self', props: { role: 'lead' } },
            { type: 'IN_FIELD', from: 'self', to: 'fld_1' },
            { type: 'OFFERED_IN', from: 'self', to: '05562012' },
          ],
        },
      ],
    ]);
    expect(saved.mock.calls[0]![1]).toBe(true);
  });

  it('starts a new person as internal, a new offer as public', () => {
    for (const [collection, want] of [
      ['actors', 'internal'],
      ['measures', 'public'],
    ] as const) {
      const form = entryForm({ api: api(() => json({})), collection, region: '05562', choices, onSaved: () => undefined, onCancel: () => undefined });
      expect((form.querySelector('#edit-visibility') as HTMLSelectElement).value).toBe(want);
    }
  });

  it('shows the service’s German problem at the relationship it names', async () => {
    const form = entryForm({
      api: api(() =>
        json(
          { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'ungültige Angaben', errors: [{ field: 'relate[1].to', message: 'Kommune „05562099“ gibt es nicht' }] },
          400,
          'application/problem+json',
        ),
      ),
      collection: 'measures',
      region: '05562',
      choices,
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#edit-title') as HTMLInputElement).value = 'Elterncafé';
    pick(form, 'edit-fields', 'sprache');
    pick(form, 'edit-municipalities', 'marl');
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.querySelector('[role="alert"]')).not.toBeNull());
    expect(form.querySelector('#edit-municipalities [data-value="05562012"] .field-error')?.textContent).toBe('Kommune „05562099“ gibt es nicht');
    expect(form.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('#edit-municipalities-search');
  });

  it('refuses a date in the wrong form at the field, before sending', () => {
    const fetch = vi.fn();
    const form = entryForm({
      api: new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }),
      collection: 'measures',
      region: '05562',
      choices,
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#edit-title') as HTMLInputElement).value = 'Elterncafé';
    (form.querySelector('#edit-starts') as HTMLInputElement).value = '2026/09/01';
    form.dispatchEvent(new Event('submit'));
    expect(fetch).not.toHaveBeenCalled();
    expect(form.querySelector('#edit-starts-error')?.textContent).toBe('Bitte ein Datum als TT.MM.JJJJ eingeben, z. B. 01.09.2026.');
    expect(form.querySelector('#edit-starts')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('after a conflict keeps the user’s relationship changes on top of the stored state', async () => {
    const bodies: Record<string, unknown>[] = [];
    let posts = 0;
    const form = entryForm({
      api: api((url, init) => {
        if (init.method === 'POST') {
          bodies.push(JSON.parse(String(init.body)));
          posts++;
          if (posts === 1) return json({ type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'geändert', current_version: 3 }, 412, 'application/problem+json');
          return json({ node: { id: 'net_1', version: 4 }, relations: [] });
        }
        if (url.endsWith('/relations')) {
          // Someone else added Marl meanwhile.
          return json({ items: [{ type: 'COVERS', from: 'net_1', to: '05562012' }], total: 1, next_cursor: '' });
        }
        return json({ id: 'net_1', version: 3, name: 'Runder Tisch (neu)', kind: 'round_table', level: 'county', region: '05562', visibility: 'public' });
      }),
      collection: 'networks',
      region: '05562',
      entity: { id: 'net_1', version: 2, name: 'Runder Tisch', kind: 'round_table', level: 'county', region: '05562', visibility: 'public' } as never,
      relations: [],
      choices,
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    pick(form, 'edit-members', 'cari');
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.querySelector('#edit-conflict')).not.toBeNull());
    expect(form.querySelector('#edit-conflict tr[data-field="name"]')?.textContent).toContain('Runder Tisch (neu)');
    (form.querySelector('#edit-keep-mine') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(posts).toBe(2));
    expect(bodies[1]).toEqual({ kind: 'network', id: 'net_1', version: 3, relate: [{ type: 'MEMBER_OF', from: 'org_a', to: 'self' }], unrelate: [] });
  });
});
