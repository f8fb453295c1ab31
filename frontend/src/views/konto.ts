// Konto: the signed-in user's own account — for now, changing the own password. The form
// names every problem at its field (the service's problems too, as views/entryform.ts does)
// and lists them in a summary whose links lead to the fields.

import { Problem } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { t, type MessageKey } from '../i18n';
import { viewHeading, type MountView } from './view';

/** The service's rules for a new password (httpapi/passwordpolicy.go). */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

/**
 * A hint while the new password is typed: what the service will surely refuse (too short,
 * too long, the user name in it, one repeated character or only digits), or that the length
 * fits. The service has the last word: it also knows common passwords and guessable patterns.
 */
export function passwordHint(password: string, username: string): { key: MessageKey; vars?: Record<string, string> } {
  const chars = [...password];
  if (chars.length === 0) return { key: 'konto.hint.empty', vars: { min: String(MIN_PASSWORD) } };
  if (chars.length < MIN_PASSWORD) return { key: 'konto.hint.short', vars: { count: String(chars.length), min: String(MIN_PASSWORD) } };
  if (chars.length > MAX_PASSWORD) return { key: 'konto.hint.long', vars: { max: String(MAX_PASSWORD) } };
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  const local = name.split('@')[0] ?? '';
  if ((name.length >= 3 && lower.includes(name)) || (local.length >= 3 && lower.includes(local))) return { key: 'konto.hint.username' };
  if (new Set(chars).size <= 2 || /^\d+$/.test(password)) return { key: 'konto.hint.weak' };
  return { key: 'konto.hint.ok' };
}

type FieldName = 'current_password' | 'new_password' | 'repeat_password';

/** Where a problem belongs: the service names current_password or new_password. */
export function fieldOfProblem(field: string): FieldName | undefined {
  return field === 'current_password' || field === 'new_password' ? field : undefined;
}

export const kontoView: MountView = (target, { api, session }) => {
  const heading = viewHeading('');
  const body = h('div', { class: 'konto' });
  replaceChildren(target, heading, body);

  let busy = false;
  let done = false;
  /** Problems to show: at a field (or the form when field is undefined). */
  let problems: { field?: FieldName; text: string }[] = [];

  const fields: Record<FieldName, { input: HTMLInputElement; label: HTMLLabelElement; error: HTMLElement; hint?: HTMLElement; labelKey: MessageKey }> = {
    current_password: makeField('pw-current', 'current-password', 'konto.current'),
    new_password: makeField('pw-new', 'new-password', 'konto.new', true),
    repeat_password: makeField('pw-repeat', 'new-password', 'konto.repeat'),
  };

  function makeField(id: string, autocomplete: string, labelKey: MessageKey, withHint = false) {
    const input = h('input', { id, name: id, type: 'password', autocomplete, required: true, spellcheck: 'false' });
    const label = h('label', { for: id });
    const error = h('p', { id: `${id}-error`, class: 'field-error' });
    const hint = withHint ? h('p', { id: `${id}-hint`, class: 'hint', 'aria-live': 'polite' }) : undefined;
    return { input, label, error, labelKey, ...(hint ? { hint } : {}) };
  }

  const title = h('h2', { id: 'password-title' });
  const intro = h('p', {});
  const rules = h('p', { id: 'pw-rules', class: 'hint' });
  const summary = h('div', {});
  const submit = h('button', { type: 'submit' });
  const form = h(
    'form',
    { id: 'password-form', class: 'password-form', 'aria-labelledby': 'password-title', novalidate: true },
    title,
    intro,
    summary,
    ...(Object.keys(fields) as FieldName[]).map((name) => {
      const f = fields[name];
      return h('div', { class: 'control' }, f.label, name === 'new_password' ? rules : false, f.input, f.hint ?? false, f.error);
    }),
    submit,
  );
  const success = h('div', {});

  fields.new_password.input.addEventListener('input', () => {
    done = false;
    renderHint();
  });

  function renderHint(): void {
    const hint = passwordHint(fields.new_password.input.value, session.user?.username ?? '');
    if (fields.new_password.hint) fields.new_password.hint.textContent = t(hint.key, hint.vars);
  }

  function markFields(): void {
    for (const name of Object.keys(fields) as FieldName[]) {
      const f = fields[name];
      const mine = problems.filter((p) => p.field === name);
      f.error.textContent = mine.map((p) => p.text).join(' ');
      const described = [name === 'new_password' ? 'pw-rules' : '', f.hint?.id ?? '', mine.length ? f.error.id : ''].filter(Boolean).join(' ');
      if (described) f.input.setAttribute('aria-describedby', described);
      else f.input.removeAttribute('aria-describedby');
      if (mine.length) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
    }
  }

  function renderSummary(): void {
    if (problems.length === 0) {
      replaceChildren(summary);
      return;
    }
    replaceChildren(
      summary,
      h(
        'div',
        { role: 'alert', class: 'error', tabindex: -1, id: 'password-problems' },
        h('p', { class: 'error-title' }, t('konto.failed')),
        h(
          'ul',
          {},
          ...problems.map((p) =>
            h('li', {}, p.field ? h('a', { href: `#${fields[p.field].input.id}` }, `${t(fields[p.field].labelKey)}: ${p.text}`) : p.text),
          ),
        ),
      ),
    );
  }

  function render(): void {
    heading.textContent = t('nav.konto');
    const user = session.user;
    if (!session.loaded) {
      replaceChildren(body, h('p', { role: 'status', class: 'loading' }, t('login.checking')));
      return;
    }
    if (!user) {
      replaceChildren(body, h('p', {}, t('konto.signedOut')), h('p', {}, h('a', { href: '/verwaltung' }, t('account.signIn'))));
      return;
    }
    for (const name of Object.keys(fields) as FieldName[]) fields[name].label.textContent = t(fields[name].labelKey);
    title.textContent = t('konto.title');
    intro.textContent = t('konto.intro', { name: user.username });
    rules.textContent = t('konto.rules', { min: String(MIN_PASSWORD), max: String(MAX_PASSWORD) });
    submit.textContent = busy ? t('konto.busy') : t('konto.submit');
    if (busy) submit.setAttribute('aria-disabled', 'true');
    else submit.removeAttribute('aria-disabled');
    renderHint();
    markFields();
    renderSummary();
    replaceChildren(success, done && h('p', { role: 'status', class: 'note success', id: 'password-changed', tabindex: -1 }, t('konto.changed')));
    replaceChildren(body, success, form);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    done = false;
    const current = fields.current_password.input.value;
    const next = fields.new_password.input.value;
    const repeat = fields.repeat_password.input.value;
    problems = [];
    if (current === '') problems.push({ field: 'current_password', text: t('konto.error.required') });
    if (next === '') problems.push({ field: 'new_password', text: t('konto.error.required') });
    if (repeat !== next) problems.push({ field: 'repeat_password', text: t('konto.error.mismatch') });
    if (problems.length > 0) {
      render();
      focusProblems();
      return;
    }
    busy = true;
    render();
    api.changePassword(current, next).then(
      () => {
        busy = false;
        done = true;
        problems = [];
        for (const name of Object.keys(fields) as FieldName[]) fields[name].input.value = '';
        render();
        success.querySelector<HTMLElement>('#password-changed')?.focus();
      },
      (error: unknown) => {
        busy = false;
        problems = problemsOf(error);
        render();
        focusProblems();
      },
    );
  });

  function problemsOf(error: unknown): { field?: FieldName; text: string }[] {
    if (error instanceof Problem && error.errors?.length) {
      const out: { field?: FieldName; text: string }[] = [];
      for (const e of error.errors) {
        const field = fieldOfProblem(e.field);
        out.push(field ? { field, text: e.message } : { text: `${e.field}: ${e.message}` });
      }
      return out;
    }
    return [{ text: describeError(error) }];
  }

  function focusProblems(): void {
    summary.querySelector<HTMLElement>('#password-problems')?.focus();
  }

  const stopSession = session.onChange(() => render());
  render();
  void session.load().then(() => render());

  return {
    relabel: render,
    unmount() {
      stopSession();
    },
  };
};
