// Verwaltung: sign-in, the data import with its validation preview (coordinators and
// administrators; views/importer.ts), templates and exports (everyone; views/downloads.ts),
// users and their roles per region (administrators), and the audit log (coordinators and
// administrators): who changed what, before and after.

import { Problem } from '../api';
import { h, replaceChildren } from '../dom';
import { formatDateTime } from '../format';
import { t, type MessageKey } from '../i18n';
import { roleLabel } from '../labels';
import type { AuditEntry, Region, Role, User } from '../types';
import { storedRegion } from '../refdata';
import { emptyBox, errorBox, inputField, loadingBox, Loader, selectField, statusLine } from '../ui';
import { readQuery, replaceQuery } from '../url';
import { pathForId } from './detail';
import { createDownloads } from './downloads';
import { createImporter } from './importer';
import { viewHeading, type MountView } from './view';

const roles: Role[] = ['viewer', 'member', 'coordinator'];

const actionLabels: Record<string, MessageKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  relate: 'audit.action.relate',
  unrelate: 'audit.action.unrelate',
  batch: 'audit.action.batch',
};

/** The fields whose values differ between before and after, for the audit log. */
export function changedFields(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const skip = new Set(['version', 'updated_at', 'created_at']);
  const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k)).sort();
  return keys.filter((k) => show(b[k]) !== show(a[k])).map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

export const verwaltungView: MountView = (target, { api, session, refdata }) => {
  const query = readQuery(location.search, ['region'] as const);
  let regions: Region[] = [];
  let users: { status: 'idle' | 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: User[] } = { status: 'idle' };
  let audit: { status: 'idle' | 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: AuditEntry[]; next: string; more: boolean } = {
    status: 'idle',
  };
  let auditRegion = query.region ?? '';
  let loginError: unknown;
  let loggingIn = false;
  let editingUser: string | undefined;
  let userMessage: { kind: 'ok' | 'error'; text: string; password?: string } | undefined;
  let confirmDelete: string | undefined;

  const usersLoader = new Loader();
  const auditLoader = new Loader();
  const setup = new Loader();

  const importer = createImporter(api, () => {
    // What the lists and the audit log show has changed.
    refdata.forget();
    if (canAudit()) loadAudit();
  });
  const downloads = createDownloads(api, query.region ?? storedRegion() ?? undefined);

  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'admin' });
  replaceChildren(target, heading, status, body);

  // --- Sign-in ---------------------------------------------------------------------------

  // Inputs live as long as the view: a re-render (data arriving, the session answering) must
  // not throw away what the user is typing. render() moves them and restores the focus.
  const username = inputField({ id: 'login-username', label: '', autocomplete: 'username', required: true });
  const password = inputField({ id: 'login-password', label: '', type: 'password', autocomplete: 'current-password', required: true });

  const loginTitle = h('h2', { id: 'login-title' });
  const loginIntro = h('p', {});
  const loginMessage = h('div', {});
  const loginButton = h('button', { type: 'submit' });
  const loginForm = h(
    'form',
    { id: 'login-form', class: 'login-form', 'aria-labelledby': 'login-title' },
    loginTitle,
    loginIntro,
    loginMessage,
    username.wrap,
    password.wrap,
    loginButton,
  );
  loginForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (loggingIn) return;
    loggingIn = true;
    loginError = undefined;
    render();
    session.login(username.input.value.trim(), password.input.value).then(
      () => {
        loggingIn = false;
        // session.onChange renders the signed-in page.
      },
      (error: unknown) => {
        loggingIn = false;
        loginError = error;
        render();
        password.input.focus();
      },
    );
  });

  /** The sign-in form, built once; this only updates its words and state. */
  function loginSection(): HTMLElement {
    (username.wrap.querySelector('label') as HTMLLabelElement).textContent = t('login.username');
    (password.wrap.querySelector('label') as HTMLLabelElement).textContent = t('login.password');
    loginTitle.textContent = t('login.title');
    loginIntro.textContent = t('login.intro');
    loginButton.textContent = loggingIn ? t('login.busy') : t('login.submit');
    if (loggingIn) loginButton.setAttribute('aria-disabled', 'true');
    else loginButton.removeAttribute('aria-disabled');
    replaceChildren(
      loginMessage,
      loginError !== undefined &&
        h(
          'div',
          { role: 'alert', class: 'error' },
          h('p', { class: 'error-title' }, t('login.failed')),
          h(
            'p',
            { class: 'error-detail' },
            loginError instanceof Problem && loginError.status === 401
              ? t('login.wrong')
              : String(loginError instanceof Problem ? loginError.detail || loginError.title : t('error.network')),
          ),
        ),
    );
    return loginForm;
  }

  // --- Users -----------------------------------------------------------------------------

  function roleSelects(prefix: string, current: Record<string, Role>): HTMLElement {
    return h(
      'div',
      { class: 'controls role-grid' },
      ...regions.map((r) =>
        selectField({
          id: `${prefix}-role-${r.id}`,
          label: r.name,
          options: roles.map((role) => ({ value: role, label: roleLabel(role) })),
          value: current[r.id] ?? '',
          empty: t('users.noRole'),
          onChange: () => undefined,
        }),
      ),
    );
  }

  function readRoles(prefix: string): Record<string, Role> {
    const out: Record<string, Role> = {};
    for (const r of regions) {
      const value = (document.getElementById(`${prefix}-role-${r.id}`) as HTMLSelectElement | null)?.value;
      if (value) out[r.id] = value as Role;
    }
    return out;
  }

  function rolesText(u: User): string {
    if (u.admin) return t('users.adminAll');
    const parts = Object.entries(u.roles).map(([region, role]) => `${regions.find((r) => r.id === region)?.name ?? region}: ${roleLabel(role)}`);
    return parts.length ? parts.join(', ') : t('users.none');
  }

  function loadUsers(): void {
    users = { status: 'loading' };
    render();
    usersLoader.run(
      (signal) => api.users(signal),
      (items) => {
        users = { status: 'ready', items: items.sort((a, b) => a.username.localeCompare(b.username)) };
        render();
      },
      (error) => {
        users = { status: 'error', error };
        render();
      },
    );
  }

  async function act(action: () => Promise<{ text: string; password?: string }>): Promise<void> {
    try {
      const result = await action();
      userMessage = { kind: 'ok', ...result };
      editingUser = undefined;
      confirmDelete = undefined;
      loadUsers();
    } catch (error) {
      userMessage = { kind: 'error', text: error instanceof Problem ? error.detail || error.title : t('error.network') };
      render();
    }
    document.getElementById('users-message')?.focus();
  }

  // The form for a new user is built once per set of regions, for the same reason.
  let createForm: HTMLFormElement | undefined;
  let createKey = '';

  function userCreateForm(): HTMLFormElement {
    const key = `${regions.map((r) => r.id).join(',')}|${t('users.create')}`;
    if (createForm && key === createKey) return createForm;
    createKey = key;
    const newName = inputField({ id: 'new-username', label: t('users.username'), autocomplete: 'off', required: true });
    const adminBox = h('input', { type: 'checkbox', id: 'new-admin' });
    const form = h(
      'form',
      { id: 'user-create', class: 'user-create' },
      h('h3', {}, t('users.create')),
      newName.wrap,
      h('p', { class: 'hint' }, t('users.createHint')),
      roleSelects('new', {}),
      h('div', { class: 'check' }, adminBox, h('label', { for: 'new-admin' }, t('users.admin'))),
      h('button', { type: 'submit' }, t('users.createSubmit')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = newName.input.value.trim();
      void act(async () => {
        const created = await api.createUser({ username: name, admin: adminBox.checked, roles: readRoles('new') });
        newName.input.value = '';
        return { text: t('users.created', { name: created.user.username }), ...(created.password ? { password: created.password } : {}) };
      });
    });
    createForm = form;
    return form;
  }

  // The role editor of one user, kept while it is open.
  let roleEditor: { username: string; roles: HTMLElement; admin: HTMLInputElement } | undefined;

  function editorFor(u: User) {
    if (!roleEditor || roleEditor.username !== u.username) {
      roleEditor = { username: u.username, roles: roleSelects('edit', u.roles), admin: h('input', { type: 'checkbox', id: 'edit-admin', checked: u.admin }) };
    }
    return roleEditor;
  }

  const usersWrap = h('section', { class: 'admin-section', 'aria-labelledby': 'users-title', id: 'users' });
  const usersHead = h('div', {});
  usersWrap.append(usersHead);

  function usersSection(): HTMLElement {
    const create = userCreateForm();
    let table: HTMLElement;
    switch (users.status) {
      case 'idle':
      case 'loading':
        table = loadingBox(t('users.loading'));
        break;
      case 'error':
        table = errorBox(t('users.error'), users.error, loadUsers);
        break;
      case 'ready':
        table = h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { id: 'users-table' },
            h('caption', { class: 'visually-hidden' }, t('users.title')),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('users.username')), h('th', { scope: 'col' }, t('users.roles')), h('th', { scope: 'col' }, t('users.actions')))),
            h(
              'tbody',
              {},
              ...users.items.map((u) => {
                const self = u.username === session.user?.username;
                if (editingUser === u.username) {
                  const editor = editorFor(u);
                  const adminEdit = editor.admin;
                  return h(
                    'tr',
                    { 'data-user': u.username },
                    h('th', { scope: 'row' }, u.username),
                    h('td', {}, editor.roles, h('div', { class: 'check' }, adminEdit, h('label', { for: 'edit-admin' }, t('users.admin')))),
                    h(
                      'td',
                      {},
                      h(
                        'div',
                        { class: 'actions' },
                        h(
                          'button',
                          {
                            type: 'button',
                            onclick: () =>
                              void act(async () => {
                                await api.updateUser(u.username, u.version, { roles: readRoles('edit'), admin: adminEdit.checked });
                                return { text: t('users.updated', { name: u.username }) };
                              }),
                          },
                          t('users.save'),
                        ),
                        h('button', { type: 'button', class: 'secondary', onclick: () => ((editingUser = undefined), render()) }, t('edit.cancel')),
                      ),
                    ),
                  );
                }
                return h(
                  'tr',
                  { 'data-user': u.username },
                  h('th', { scope: 'row' }, u.username),
                  h('td', {}, rolesText(u)),
                  h(
                    'td',
                    {},
                    h(
                      'div',
                      { class: 'actions' },
                      h('button', { type: 'button', class: 'secondary', onclick: () => ((editingUser = u.username), (roleEditor = undefined), (userMessage = undefined), render()) }, t('users.editRoles')),
                      !self &&
                        (confirmDelete === u.username
                          ? h(
                              'button',
                              {
                                type: 'button',
                                class: 'danger',
                                onclick: () =>
                                  void act(async () => {
                                    await api.deleteUser(u.username);
                                    return { text: t('users.deleted', { name: u.username }) };
                                  }),
                              },
                              t('users.deleteConfirm', { name: u.username }),
                            )
                          : h('button', { type: 'button', class: 'secondary', onclick: () => ((confirmDelete = u.username), render()) }, t('users.delete'))),
                    ),
                  ),
                );
              }),
            ),
          ),
        );
    }
    const message =
      userMessage &&
      h(
        'div',
        { id: 'users-message', tabindex: -1, role: userMessage.kind === 'error' ? 'alert' : 'status', class: userMessage.kind === 'error' ? 'error' : 'note' },
        h('p', {}, userMessage.text),
        userMessage.password && h('p', {}, t('users.password'), ' ', h('code', { class: 'secret' }, userMessage.password)),
      );
    replaceChildren(usersHead, h('h2', { id: 'users-title' }, t('users.title')), message, table);
    if (usersWrap.children[1] !== create) {
      usersWrap.children[1]?.remove();
      usersWrap.append(create);
    }
    return usersWrap;
  }

  // --- Audit log -------------------------------------------------------------------------

  function loadAudit(more = false): void {
    const cursor = more && audit.status === 'ready' ? audit.next : '';
    const earlier = more && audit.status === 'ready' ? audit.items : [];
    if (more && audit.status === 'ready') audit = { ...audit, more: true };
    else audit = { status: 'loading' };
    render();
    auditLoader.run(
      (signal) => api.audit({ region: auditRegion || undefined }, { limit: 25, cursor, signal }),
      (page) => {
        audit = { status: 'ready', items: [...earlier, ...page.items], next: page.next_cursor, more: false };
        render();
      },
      (error) => {
        audit = { status: 'error', error };
        render();
      },
    );
  }

  function entryView(e: AuditEntry): HTMLElement {
    const href = pathForId(e.entity);
    const changes = e.action === 'update' ? changedFields(e.before, e.after) : [];
    return h(
      'li',
      { class: 'audit-entry', 'data-seq': e.seq },
      h(
        'p',
        { class: 'audit-head' },
        h('time', { datetime: e.at }, formatDateTime(e.at)),
        ' · ',
        h('strong', {}, e.user),
        ' · ',
        t(actionLabels[e.action] ?? 'audit.action.other'),
        ' · ',
        href ? h('a', { href }, e.entity) : h('span', {}, e.entity ?? e.kind),
        e.related && h('span', { class: 'muted' }, ` → ${e.related}`),
      ),
      e.summary && h('p', { class: 'muted' }, e.summary),
      changes.length > 0 &&
        h(
          'details',
          {},
          h('summary', {}, t('audit.changes', { count: changes.length })),
          h(
            'table',
            { class: 'audit-changes' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('edit.conflictField')), h('th', { scope: 'col' }, t('audit.before')), h('th', { scope: 'col' }, t('audit.after')))),
            h('tbody', {}, ...changes.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.field), h('td', {}, c.before || '–'), h('td', {}, c.after || '–')))),
          ),
        ),
      e.redacted && h('p', { class: 'muted' }, t('audit.redacted')),
    );
  }

  const auditWrap = h('section', { class: 'admin-section', 'aria-labelledby': 'audit-title', id: 'audit' });

  function auditSection(): HTMLElement {
    let list: HTMLElement;
    switch (audit.status) {
      case 'idle':
      case 'loading':
        list = loadingBox(t('audit.loading'));
        break;
      case 'error':
        list = errorBox(t('audit.error'), audit.error, () => loadAudit());
        break;
      case 'ready':
        list = h(
          'div',
          {},
          audit.items.length === 0 ? emptyBox(t('audit.empty')) : h('ol', { class: 'audit-list', id: 'audit-list' }, ...audit.items.map(entryView)),
          audit.next &&
            h(
              'button',
              { type: 'button', class: 'secondary', 'data-focus': 'audit-more', 'aria-disabled': audit.more ? 'true' : null, onclick: () => loadAudit(true) },
              audit.more ? t('audit.loadingMore') : t('audit.more'),
            ),
        );
    }
    replaceChildren(
      auditWrap,
      h('h2', { id: 'audit-title' }, t('audit.title')),
      h('p', { class: 'muted' }, t('audit.intro')),
      h(
        'div',
        { class: 'controls' },
        selectField({
          id: 'audit-region',
          label: t('filter.region'),
          options: regions.map((r) => ({ value: r.id, label: r.name })),
          value: auditRegion,
          empty: t('audit.allRegions'),
          onChange: (region) => {
            auditRegion = region;
            replaceQuery({ region: region || undefined });
            loadAudit();
          },
        }),
      ),
      list,
    );
    return auditWrap;
  }

  // --- Page ------------------------------------------------------------------------------

  function canAudit(): boolean {
    const u = session.user;
    return !!u && (u.admin || Object.values(u.roles).includes('coordinator'));
  }

  const accountWrap = h('section', { class: 'admin-section', id: 'account' });
  const usersOff = h('section', { class: 'admin-section' });
  const auditOff = h('section', { class: 'admin-section' });

  /** Puts sections into the page; sections already in place stay, so focus and input survive. */
  function place(...sections: HTMLElement[]): void {
    const current = [...body.children];
    if (current.length === sections.length && current.every((el, i) => el === sections[i])) return;
    replaceChildren(body, ...sections);
  }

  function render(): void {
    heading.textContent = t('nav.verwaltung');
    const u = session.user;
    const focused = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement.id || document.activeElement.dataset.focus : undefined;
    if (!session.loaded) {
      status.textContent = t('login.checking');
      replaceChildren(body, loadingBox(t('login.checking')));
      return;
    }
    status.textContent = '';
    importer.render(u, regions);
    downloads.render(regions);
    if (!u) {
      place(loginSection(), importer.element, downloads.element);
    } else {
      replaceChildren(
        accountWrap,
        h('p', { class: 'signed-in' }, t('login.signedIn', { name: u.username }), ' ', h('span', { class: 'muted' }, `(${rolesText(u)})`)),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            id: 'logout',
            onclick: () => {
              void session.logout().catch(() => undefined);
            },
          },
          t('account.signOut'),
        ),
      );
      replaceChildren(usersOff, h('h2', {}, t('users.title')), h('p', { class: 'muted' }, t('users.adminsOnly')));
      replaceChildren(auditOff, h('h2', {}, t('audit.title')), h('p', { class: 'muted' }, t('audit.coordinatorsOnly')));
      place(accountWrap, importer.element, downloads.element, u.admin ? usersSection() : usersOff, canAudit() ? auditSection() : auditOff);
    }
    if (focused && !(document.activeElement instanceof HTMLElement && document.activeElement.id === focused)) {
      (document.getElementById(focused) ?? body.querySelector<HTMLElement>(`[data-focus="${focused}"]`))?.focus();
    }
  }

  function onSession(): void {
    editingUser = undefined;
    userMessage = undefined;
    users = { status: 'idle' };
    audit = { status: 'idle' };
    const u = session.user;
    if (u?.admin) loadUsers();
    if (u && canAudit()) loadAudit();
    render();
    if (u) heading.focus();
  }

  const stopSession = session.onChange(onSession);
  render();
  setup.run(
    async () => {
      const [r] = await Promise.all([refdata.regions(), session.load()]);
      return r;
    },
    (r) => {
      regions = r;
      onSession();
    },
    () => onSession(),
  );

  return {
    relabel: render,
    unmount: () => {
      stopSession();
      usersLoader.stop();
      auditLoader.stop();
      setup.stop();
      importer.stop();
    },
  };
};
