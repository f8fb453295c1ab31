// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api';
import { setLanguage } from '../i18n';
import { Session } from '../session';
import { RefData } from '../refdata';
import { fieldOfProblem, kontoView, passwordHint } from './konto';

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const erika = { username: 'erika', admin: false, roles: {} };

describe('passwordHint', () => {
  it('says what the service will surely refuse', () => {
    expect(passwordHint('', 'erika').key).toBe('konto.hint.empty');
    expect(passwordHint('kurz', 'erika')).toEqual({ key: 'konto.hint.short', vars: { count: '4', min: '10' } });
    // Characters count, not UTF-16 units: ten umlauts are ten characters.
    expect(passwordHint('öäüöäüöäüö', 'x').key).not.toBe('konto.hint.short');
    expect(passwordHint('x'.repeat(129), 'erika').key).toBe('konto.hint.long');
    expect(passwordHint('Wald-ERIKA-Fluss', 'erika').key).toBe('konto.hint.username');
    expect(passwordHint('Wald-e.muster-Fluss', 'e.muster@kreis.example').key).toBe('konto.hint.username');
    expect(passwordHint('1234567890', 'erika').key).toBe('konto.hint.weak');
    expect(passwordHint('aaaaaaaaaaab', 'erika').key).toBe('konto.hint.weak');
    expect(passwordHint('Heide-Wald-Fluss-1', 'erika').key).toBe('konto.hint.ok');
  });

  it('places only the fields the form has', () => {
    expect(fieldOfProblem('current_password')).toBe('current_password');
    expect(fieldOfProblem('new_password')).toBe('new_password');
    expect(fieldOfProblem('body')).toBeUndefined();
  });
});

describe('kontoView', () => {
  let root: HTMLElement;
  let sent: { method: string; url: string; body: unknown }[];
  let answer: () => Response;

  beforeEach(() => {
    setLanguage('de');
    root = document.createElement('main');
    document.body.append(root);
    sent = [];
  });
  afterEach(() => root.remove());

  async function mount(user: unknown = erika) {
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      sent.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/auth/me')) return user ? json(user) : json({ type: 'x', title: 'Unauthorized', status: 401 }, 401, 'application/problem+json');
      return answer();
    };
    const api = new ApiClient({ fetch: fetch as typeof globalThis.fetch });
    const session = new Session(api);
    await session.load();
    const view = kontoView(root, { api, session, refdata: new RefData(api), navigate: () => undefined });
    await new Promise((r) => setTimeout(r, 0));
    return view;
  }

  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  async function submit(current: string, next: string, repeat = next) {
    input('pw-current').value = current;
    input('pw-new').value = next;
    input('pw-new').dispatchEvent(new Event('input'));
    input('pw-repeat').value = repeat;
    root.querySelector<HTMLFormElement>('#password-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  }

  it('labels every field and describes the rules', async () => {
    await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Konto');
    for (const [id, label] of [
      ['pw-current', 'Bisheriges Passwort'],
      ['pw-new', 'Neues Passwort'],
      ['pw-repeat', 'Neues Passwort wiederholen'],
    ] as const) {
      expect(root.querySelector(`label[for="${id}"]`)?.textContent).toBe(label);
      expect(input(id).type).toBe('password');
    }
    expect(input('pw-current').autocomplete).toBe('current-password');
    expect(input('pw-new').autocomplete).toBe('new-password');
    expect(input('pw-new').getAttribute('aria-describedby')).toContain('pw-rules');
    input('pw-new').value = 'kurz';
    input('pw-new').dispatchEvent(new Event('input'));
    expect(root.querySelector('#pw-new-hint')?.textContent).toBe('Noch zu kurz: 4 von mindestens 10 Zeichen.');
  });

  it('checks the repetition before sending', async () => {
    await mount();
    await submit('geheim-erika', 'Heide-Wald-Fluss-1', 'Heide-Wald-Fluss-2');
    expect(sent.filter((s) => s.method === 'PUT')).toHaveLength(0);
    expect(input('pw-repeat').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#pw-repeat-error')?.textContent).toBe('Stimmt nicht mit dem neuen Passwort überein.');
    expect(input('pw-repeat').getAttribute('aria-describedby')).toContain('pw-repeat-error');
    expect(root.querySelector('#password-problems a')?.getAttribute('href')).toBe('#pw-repeat');
  });

  it('shows the service problems at their fields', async () => {
    answer = () =>
      json(
        {
          type: 'x', title: 'Bad Request', status: 400, detail: 'ungültige Angaben',
          errors: [{ field: 'new_password', message: 'ist eines der häufigsten Passwörter; bitte ein anderes wählen' }],
        },
        400,
        'application/problem+json',
      );
    await mount();
    await submit('geheim-erika', '1234567890');
    expect(sent.find((s) => s.method === 'PUT')).toMatchObject({
      url: expect.stringContaining('/auth/me/password'),
      body: { current_password: 'geheim-erika', new_password: '1234567890' },
    });
    expect(input('pw-new').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#pw-new-error')?.textContent).toContain('häufigsten Passwörter');
    expect(input('pw-current').hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement?.id).toBe('password-problems');

    answer = () =>
      json({ type: 'x', title: 'Forbidden', status: 403, errors: [{ field: 'current_password', message: 'ist falsch' }] }, 403, 'application/problem+json');
    await submit('falsch', 'Heide-Wald-Fluss-1');
    expect(root.querySelector('#pw-current-error')?.textContent).toBe('ist falsch');
    expect(input('pw-new').hasAttribute('aria-invalid')).toBe(false);
  });

  it('confirms a change and empties the fields', async () => {
    answer = () => json({ user: erika, token: 't', csrf_token: 'c', expires_at: '2030-01-01T00:00:00Z' });
    const view = await mount();
    await submit('geheim-erika', 'Heide-Wald-Fluss-1');
    expect(root.querySelector('#password-changed')?.textContent).toContain('Ihr Passwort wurde geändert');
    expect(input('pw-current').value).toBe('');
    expect(input('pw-new').value).toBe('');
    setLanguage('en');
    view.relabel();
    expect(root.querySelector('h1')?.textContent).toBe('Account');
  });

  it('asks anonymous visitors to sign in', async () => {
    await mount(null);
    expect(root.querySelector('#password-form')).toBeNull();
    expect(root.querySelector('a[href="/verwaltung"]')).not.toBeNull();
  });
});
