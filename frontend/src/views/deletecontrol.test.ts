// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { DeleteControl } from './deletecontrol';

afterEach(() => document.body.replaceChildren());

describe('deleting with a confirmation', () => {
  const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

  function setup(answer: () => Response) {
    const calls: string[] = [];
    const api = new ApiClient({
      fetch: vi.fn(async (u: RequestInfo | URL, i?: RequestInit) => {
        calls.push(`${i?.method} ${String(u)} ${(i?.headers as Record<string, string>)['If-Match']}`);
        return answer();
      }) as unknown as typeof fetch,
      csrfToken: () => 't',
    });
    const control = new DeleteControl({ api, collection: 'goals', id: 'goal' });
    const deleted = vi.fn();
    control.update({ id: 'gol_1', version: 3, name: 'Kita für alle' }, deleted);
    document.body.append(control.button, control.panel);
    return { control, calls, deleted };
  }

  it('asks first, then deletes the version shown', async () => {
    const { control, calls, deleted } = setup(() => new Response(null, { status: 204 }));
    expect(control.panel.hidden).toBe(true);
    control.button.click();
    expect(control.button.getAttribute('aria-expanded')).toBe('true');
    expect(control.panel.textContent).toContain('„Kita für alle“ löschen?');
    expect(calls).toEqual([]);
    (control.panel.querySelector('#goal-delete-confirm-button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(deleted).toHaveBeenCalled());
    expect(calls).toEqual(['DELETE /api/v1/goals/gol_1 "3"']);
  });

  it('shows a refusal in the panel and deletes nothing else', async () => {
    const { control, deleted } = setup(() => json({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Ziel gol_1 hat noch Unterziele' }, 409));
    control.button.click();
    (control.panel.querySelector('#goal-delete-confirm-button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(control.panel.querySelector('[role="alert"]')).not.toBeNull());
    expect(control.panel.textContent).toContain('Ziel gol_1 hat noch Unterziele');
    expect(deleted).not.toHaveBeenCalled();
  });

  it('closes on cancel with focus back on the button', () => {
    const { control } = setup(() => new Response(null, { status: 204 }));
    control.button.click();
    (control.panel.querySelectorAll('button')[1] as HTMLButtonElement).click();
    expect(control.panel.hidden).toBe(true);
    expect(document.activeElement).toBe(control.button);
  });
});
