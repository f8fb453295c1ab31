// The detail pages of the directory: a measure, an organisation or a network with its facts,
// its relations as links to the other detail pages, and, for those allowed to, an edit form
// that saves the entry with its relationships against the version it started from
// (views/entryform.ts), and a delete with confirmation.

import { h, replaceChildren } from '../dom';
import { formatDate, formatDateTime, formatDecimal, formatInt } from '../format';
import { t } from '../i18n';
import {
  cadenceLabel,
  formatLabel,
  languageName,
  levelLabel,
  networkKindLabel,
  networkLevelLabel,
  orgKindLabel,
  statusLabel,
} from '../labels';
import type { Actor, AuditEntry, Collection, Field, Measure, Municipality, Network, Node, Organisation, Relation, TargetGroup } from '../types';
import { describeError } from '../errors';
import { errorBox, facts, loadingBox, Loader, statusLine } from '../ui';
import { mapHref, withQuery } from '../url';
import { mapLimit } from '../util';
import { entryForm, type ChoiceLists, type EntryCollection } from './entryform';
import { forgetLists, loadChoices, newEntryPath } from './entrypage';
import { viewHeading, type MountedView, type ViewContext } from './view';

export type DetailKind = 'massnahme' | 'organisation' | 'netzwerk' | 'person';

const collectionOf: Record<DetailKind, Collection> = {
  massnahme: 'measures',
  organisation: 'organisations',
  netzwerk: 'networks',
  person: 'actors',
};

/** The address of the detail page of a measure, organisation or network. */
export function detailPath(kind: string, id: string): string {
  const segment = kind === 'measure' ? 'massnahme' : kind === 'organisation' ? 'organisation' : kind === 'actor' ? 'person' : 'netzwerk';
  return `/verzeichnis/${segment}/${encodeURIComponent(id)}`;
}

/** The detail path for an id by its prefix (msr_, org_, net_), or undefined. */
export function pathForId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (id.startsWith('msr_')) return detailPath('measure', id);
  if (id.startsWith('org_')) return detailPath('organisation', id);
  if (id.startsWith('net_')) return detailPath('network', id);
  if (id.startsWith('act_')) return detailPath('actor', id);
  return undefined;
}

interface Linked {
  id: string;
  name: string;
  href?: string;
  note?: string;
}

interface Related {
  title: string;
  items: Linked[];
  id: string;
}

type Entity = Measure | Organisation | Network | (Actor & { consent?: boolean });

export function detailView(target: HTMLElement, ctx: ViewContext, kind: DetailKind, id: string): MountedView {
  const { api, refdata, session } = ctx;
  const collection = collectionOf[kind];
  let entity: Entity | undefined;
  let related: Related[] = [];
  let loadError: unknown;
  let editing = false;
  // The open edit form, kept across re-renders so that nothing typed is lost.
  let editEl: HTMLFormElement | undefined;
  let saved = false;
  // Shown once after the entry was created (?created=1 in the address).
  let created = new URLSearchParams(location.search).has('created');
  let relations: Relation[] = [];
  // The lists the edit form chooses from, loaded when editing starts.
  let choices: ChoiceLists | undefined;
  let choicesError: unknown;
  const choiceLoader = new Loader();
  // The delete confirmation, and what went wrong when deleting.
  let confirming = false;
  let deleteError: unknown;
  let focusHeading = false;
  const loader = new Loader();
  // The newest audit entry of the entry, for coordinators: who changed it last, and when.
  let lastChange: AuditEntry | undefined;
  const auditLoader = new Loader();

  const back = h('p', { class: 'back' });
  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'detail' });
  // Shown when the address named an entry that a merge retired (?merged=<old id>).
  const mergedFrom = new URLSearchParams(location.search).get('merged');
  const mergedNote = h('p', { class: 'note merge-redirect' });
  replaceChildren(target, back, heading, status, mergedNote, body);

  function entityName(e: Entity): string {
    return 'title' in e ? e.title : e.name;
  }

  async function names(region: string, signal: AbortSignal) {
    const [orgs, nets, fields, groups, munis] = await Promise.all([
      refdata.organisations(region).catch(() => [] as Organisation[]),
      refdata.networks(region).catch(() => [] as Network[]),
      refdata.fields(region).catch(() => [] as Field[]),
      refdata.targetGroups().catch(() => [] as TargetGroup[]),
      refdata.municipalities(region).catch(() => [] as Municipality[]),
    ]);
    signal.throwIfAborted();
    const map = new Map<string, string>();
    for (const list of [orgs, nets, fields, groups, munis]) for (const x of list) map.set(x.id, x.name);
    return map;
  }

  function linked(id: string, known: Map<string, string>, region: string, note?: string): Linked {
    const name = known.get(id) ?? id;
    let href = pathForId(id);
    if (/^\d{8}$/.test(id)) href = mapHref({ region, sel: id });
    if (id.startsWith('fld_')) href = withQuery('/verzeichnis', { region, field: id, types: 'measure' });
    if (id.startsWith('tgr_')) href = withQuery('/verzeichnis', { region, target_group: id, types: 'measure' });
    return { id, name, ...(href ? { href } : {}), ...(note ? { note } : {}) };
  }

  function byName(items: Linked[]): Linked[] {
    return items.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  async function load(signal: AbortSignal): Promise<{ entity: Entity; related: Related[]; relations: Relation[] }> {
    const e = await api.getNode<Entity>(collection, id, signal);
    if (e.id !== id) {
      // A merge retired the id: the service answered with the entry it lives on now.
      ctx.navigate(withQuery(detailPath(kind === 'massnahme' ? 'measure' : kind, e.id), { merged: id }), true);
      signal.throwIfAborted();
    }
    if (mergedFrom) mergedNote.textContent = t('merge.redirected', { title: entityName(e) });
    const region = e.region;
    const [rels, known] = await Promise.all([api.relations(collection, id, signal), names(region, signal)]);
    const out = (type: string) => rels.filter((r) => r.type === type && r.from === id).map((r) => r.to);
    const into = (type: string) => rels.filter((r) => r.type === type && r.to === id);
    const sections: Related[] = [];
    const note = (r: Relation) => [r.props?.role, r.props?.since && t('detail.since', { date: formatDate(r.props.since) })].filter(Boolean).join(', ');

    if (kind === 'massnahme') {
      const goalIds = out('PURSUES');
      const goals = await mapLimit(goalIds, 4, (g) => api.getNode<Node & { text: string }>('goals', g, signal).catch(() => undefined));
      sections.push(
        { id: 'providers', title: t('detail.providers'), items: byName(into('PROVIDES').map((r) => linked(r.from, known, region))) },
        { id: 'fields', title: t('detail.fields'), items: byName(out('IN_FIELD').map((x) => linked(x, known, region))) },
        { id: 'groups', title: t('detail.groups'), items: byName(out('TARGETS').map((x) => linked(x, known, region))) },
        { id: 'municipalities', title: t('detail.municipalities'), items: byName(out('OFFERED_IN').map((x) => linked(x, known, region))) },
        {
          id: 'goals',
          title: t('detail.goals'),
          items: goalIds.map((g, i) => ({ id: g, name: goals[i]?.text ?? g })),
        },
      );
    } else if (kind === 'person') {
      sections.push(
        { id: 'employers', title: t('entry.rel.worksFor'), items: byName(out('WORKS_FOR').map((x) => linked(x, known, region, rels.find((r) => r.type === 'WORKS_FOR' && r.to === x)?.props?.role))) },
        {
          id: 'networks',
          title: t('detail.memberOf'),
          items: byName(rels.filter((r) => r.type === 'MEMBER_OF' && r.from === id).map((r) => linked(r.to, known, region, note(r) || undefined))),
        },
      );
    } else if (kind === 'organisation') {
      const [measures, networks] = await Promise.all([
        api.listNodes<Measure>('measures', { organisation: id }, { limit: 200, signal }),
        api.listNodes<Network>('networks', { organisation: id }, { limit: 200, signal }),
      ]);
      const memberships = new Map(rels.filter((r) => r.type === 'MEMBER_OF' && r.from === id).map((r) => [r.to, r]));
      const partners = rels
        .filter((r) => r.type === 'COOPERATES_WITH')
        .map((r) => (r.from === id ? { other: r.to, r } : { other: r.from, r }));
      const staff = into('WORKS_FOR');
      const actors = await mapLimit(staff, 4, (r) => api.getNode<Actor>('actors', r.from, signal).catch(() => undefined));
      sections.push(
        {
          id: 'offers',
          title: t('detail.offers'),
          items: byName(measures.items.map((m) => ({ id: m.id, name: m.title, href: detailPath('measure', m.id), note: statusLabel(m.status) }))),
        },
        {
          id: 'networks',
          title: t('detail.memberOf'),
          items: byName(
            networks.items.map((n) => {
              const r = memberships.get(n.id);
              return { id: n.id, name: n.name, href: detailPath('network', n.id), ...(r && note(r) ? { note: note(r) } : {}) };
            }),
          ),
        },
        { id: 'municipalities', title: t('detail.activeIn'), items: byName(out('ACTIVE_IN').map((x) => linked(x, known, region))) },
        { id: 'partners', title: t('detail.cooperations'), items: byName(partners.map(({ other, r }) => linked(other, known, region, r.props?.note))) },
        {
          id: 'people',
          title: t('detail.people'),
          items: staff
            .map((r, i): Linked | undefined => {
              const a = actors[i];
              if (!a) return undefined;
              const contact = [r.props?.role ?? a.role, a.email, a.phone].filter(Boolean).join(' · ');
              return { id: a.id, name: a.name, href: detailPath('actor', a.id), ...(contact ? { note: contact } : {}) };
            })
            .filter((x): x is Linked => x !== undefined),
        },
      );
    } else {
      const members = await api.listNodes<Organisation>('organisations', { network: id }, { limit: 500, signal });
      const roles = new Map(into('MEMBER_OF').map((r) => [r.from, r]));
      sections.push(
        {
          id: 'members',
          title: t('detail.members', { count: members.total }),
          items: byName(
            members.items.map((o) => {
              const r = roles.get(o.id);
              return { id: o.id, name: o.name, href: detailPath('organisation', o.id), ...(r && note(r) ? { note: note(r) } : {}) };
            }),
          ),
        },
        { id: 'fields', title: t('detail.worksOn'), items: byName(out('WORKS_ON').map((x) => linked(x, known, region))) },
        { id: 'municipalities', title: t('detail.covers'), items: byName(out('COVERS').map((x) => linked(x, known, region))) },
      );
    }
    return { entity: e, related: sections, relations: rels };
  }

  function reload(): void {
    loadError = undefined;
    entity = undefined;
    render();
    loader.run(
      (signal) => load(signal),
      (loaded) => {
        entity = loaded.entity;
        related = loaded.related;
        relations = loaded.relations;
        render();
        if (focusHeading) {
          focusHeading = false;
          heading.focus();
        }
        loadLastChange();
      },
      (error) => {
        loadError = error;
        render();
      },
    );
  }

  /** Who changed the entry last and when: the audit log is for coordinators of its region. */
  function loadLastChange(): void {
    lastChange = undefined;
    if (!entity || !session.can(entity.region, 'coordinator')) return;
    auditLoader.run(
      () => api.audit({ entity: id }, { limit: 1 }),
      (page) => {
        lastChange = page.items[0];
        render();
      },
      () => undefined,
    );
  }

  function lastChangeLine(): HTMLElement | null {
    if (!lastChange) return null;
    const key = lastChange.action === 'create' && lastChange.entity === id ? 'detail.createdBy' : 'detail.changedBy';
    return h('p', { class: 'muted detail-last-change', id: 'detail-last-change' }, t(key, { user: lastChange.user, date: formatDateTime(lastChange.at) }));
  }

  function factsOf(e: Entity): HTMLDListElement {
    const yes = (v: unknown) => v !== undefined && v !== null && v !== '';
    const link = (url: string | undefined) => (url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : undefined);
    const visibility = t(e.visibility === 'internal' ? 'detail.internal' : 'detail.public');
    if (kind === 'person') {
      const a = e as Actor & { consent?: boolean };
      return facts([
        [t('entry.field.function'), a.role],
        [t('detail.email'), a.email ? h('a', { href: `mailto:${a.email}` }, a.email) : undefined],
        [t('detail.phone'), a.phone],
        [t('entry.field.consentShort'), t(a.consent ? 'entry.consent.yes' : 'entry.consent.no')],
        [t('detail.visibility'), visibility],
        [t('detail.version'), t('detail.versionValue', { version: e.version, date: formatDate(e.updated_at) })],
      ]);
    }
    if ('title' in e) {
      const period = [e.starts && formatDate(e.starts), e.ends ? formatDate(e.ends) : e.starts && t('detail.open')].filter(Boolean).join(' – ');
      return facts([
        [t('detail.status'), statusLabel(e.status)],
        [t('detail.level'), levelLabel(e.level)],
        [t('detail.period'), period],
        [t('detail.languages'), (e.languages ?? []).map(languageName).join(', ')],
        [t('detail.format'), formatLabel(e.format)],
        [t('detail.cost'), yes(e.cost) ? (e.cost === 0 ? t('detail.free') : `${formatDecimal(e.cost ?? 0, 2)} €`) : undefined],
        [t('detail.capacity'), e.capacity ? formatInt(e.capacity) : undefined],
        [t('detail.programme'), e.programme],
        [t('detail.website'), link(e.website)],
        [t('detail.visibility'), visibility],
        [t('detail.version'), t('detail.versionValue', { version: e.version, date: formatDate(e.updated_at) })],
      ]);
    }
    if (kind === 'netzwerk' && 'level' in e) {
      return facts([
        [t('detail.kind'), networkKindLabel(e.kind)],
        [t('detail.networkLevel'), networkLevelLabel(e.level)],
        [t('detail.cadence'), cadenceLabel(e.cadence)],
        [t('detail.visibility'), visibility],
        [t('detail.version'), t('detail.versionValue', { version: e.version, date: formatDate(e.updated_at) })],
      ]);
    }
    const o = e as Organisation;
    const address = [o.street, [o.postal_code, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return facts([
      [t('detail.kind'), orgKindLabel(o.kind)],
      [t('detail.address'), address],
      [t('detail.website'), link(o.website)],
      [t('detail.email'), o.email ? h('a', { href: `mailto:${o.email}` }, o.email) : undefined],
      [t('detail.phone'), o.phone],
      [t('detail.visibility'), visibility],
      [t('detail.version'), t('detail.versionValue', { version: e.version, date: formatDate(e.updated_at) })],
    ]);
  }

  function canEdit(e: Entity): boolean {
    if (session.can(e.region, 'coordinator')) return true;
    // Members keep their own organisation's entry current.
    return kind === 'organisation' && session.can(e.region, 'member') && session.user?.organisation === e.id;
  }

  function canDelete(e: Entity): boolean {
    return session.can(e.region, 'coordinator');
  }

  function startEditing(e: Entity): void {
    editing = true;
    saved = false;
    created = false;
    confirming = false;
    choicesError = undefined;
    render();
    if (choices) {
      body.querySelector<HTMLElement>('#edit-form input, #edit-form textarea')?.focus();
      return;
    }
    choiceLoader.run(
      (signal) => loadChoices(ctx, e.region, collection as EntryCollection, signal),
      (loaded) => {
        choices = loaded;
        render();
        body.querySelector<HTMLElement>('#edit-form input, #edit-form textarea')?.focus();
      },
      (error) => {
        choicesError = error;
        render();
      },
    );
  }

  function deletePanel(e: Entity): HTMLElement {
    const name = entityName(e);
    return h(
      'div',
      { class: 'note delete-confirm', id: 'delete-confirm', role: 'group', tabindex: -1, 'aria-labelledby': 'delete-confirm-title' },
      h('p', { class: 'error-title', id: 'delete-confirm-title' }, t('entry.deleteTitle', { name })),
      h('p', {}, t('entry.deleteText')),
      deleteError !== undefined && h('div', { role: 'alert', class: 'error' }, h('p', { class: 'error-title' }, t('entry.deleteFailed')), h('p', { class: 'error-detail' }, describeError(deleteError))),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'danger', id: 'delete-confirm-button', onclick: () => void remove(e) }, t('entry.deleteConfirm')),
        h('button', { type: 'button', class: 'secondary', onclick: () => {
          confirming = false;
          render();
          body.querySelector<HTMLElement>('#delete-start')?.focus();
        } }, t('edit.cancel')),
      ),
    );
  }

  async function remove(e: Entity): Promise<void> {
    try {
      await api.deleteNode(collection, e.id, e.version);
      forgetLists(ctx, collection as EntryCollection, e.region);
      ctx.navigate(withQuery('/verzeichnis', { region: e.region, deleted: entityName(e) }));
    } catch (error) {
      deleteError = error;
      render();
      body.querySelector<HTMLElement>('#delete-confirm [role="alert"]')?.focus();
    }
  }

  function render(): void {
    replaceChildren(back, h('a', { href: withQuery('/verzeichnis', { region: entity?.region }) }, t('detail.back')));
    if (loadError) {
      heading.textContent = t('detail.errorTitle');
      status.textContent = '';
      replaceChildren(body, errorBox(t('detail.error'), loadError, reload));
      return;
    }
    if (!entity) {
      heading.textContent = t('detail.loadingTitle');
      status.textContent = t('detail.loading');
      replaceChildren(body, loadingBox(t('detail.loading')));
      return;
    }
    const e = entity;
    heading.textContent = entityName(e);
    document.title = t('app.documentTitle', { view: entityName(e) });
    status.textContent = saved ? t('edit.saved', { version: e.version }) : created ? t('entry.created') : '';
    const typeLabel = t(kind === 'massnahme' ? 'verzeichnis.type.measure' : kind === 'organisation' ? 'verzeichnis.type.organisation' : kind === 'person' ? 'entry.type.person' : 'verzeichnis.type.network');
    const actions = h(
      'div',
      { class: 'actions' },
      canEdit(e) &&
        !editing &&
        h(
          'button',
          {
            type: 'button',
            id: 'edit-start',
            onclick: () => startEditing(e),
          },
          t('edit.start'),
        ),
      canDelete(e) &&
        !editing &&
        h('button', { type: 'button', class: 'secondary', id: 'delete-start', 'aria-expanded': String(confirming), 'aria-controls': 'delete-confirm', onclick: () => {
          confirming = !confirming;
          deleteError = undefined;
          render();
          body.querySelector<HTMLElement>(confirming ? '#delete-confirm' : '#delete-start')?.focus();
        } }, t('entry.delete')),
      kind === 'organisation' && h('a', { class: 'button-link', href: withQuery('/partner', { region: e.region, org: e.id }) }, t('detail.findPartners')),
      kind === 'organisation' && h('a', { class: 'button-link', href: withQuery('/netzwerk', { region: e.region, org: e.id }) }, t('detail.egoNetwork')),
      kind === 'organisation' && !editing && session.can(e.region, 'coordinator') && h('a', { class: 'button-link', id: 'new-person', href: newEntryPath('actors', e.region, e.id) }, t('entry.new.actors')),
    );
    const text = 'description' in e ? e.description : undefined;
    const description = text ? h('div', { class: 'description' }, ...text.split(/\n{2,}/).map((p) => h('p', {}, p))) : null;
    if (editing && !editEl && choices) {
      editEl = entryForm({
        api,
        collection: collection as EntryCollection,
        region: e.region,
        entity: e as unknown as Node & Record<string, unknown>,
        relations,
        choices,
        onSaved: () => {
          editing = false;
          editEl = undefined;
          saved = true;
          created = false;
          forgetLists(ctx, collection as EntryCollection, e.region);
          focusHeading = true;
          reload();
        },
        onCancel: () => {
          editing = false;
          editEl = undefined;
          render();
          body.querySelector<HTMLElement>('#edit-start')?.focus();
        },
      });
    }
    const focused = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement.id : '';
    let main: HTMLElement;
    if (editing && editEl) main = editEl;
    else if (editing && choicesError) main = errorBox(t('entry.choicesFailed'), choicesError, () => startEditing(e));
    else if (editing) main = loadingBox(t('entry.loadingChoices'));
    else main = h('div', {}, confirming && deletePanel(e), factsOf(e), lastChangeLine(), description);
    replaceChildren(
      body,
      h('p', { class: 'badges' }, h('span', { class: 'tag' }, typeLabel), e.visibility === 'internal' && h('span', { class: 'tag' }, t('detail.internal'))),
      actions,
      main,
      ...related.map((section) =>
        h(
          'section',
          { class: 'related', 'aria-labelledby': `rel-${section.id}`, 'data-section': section.id },
          h('h2', { id: `rel-${section.id}` }, section.title),
          section.items.length === 0
            ? h('p', { class: 'muted' }, t('detail.none'))
            : h(
                'ul',
                { class: 'plain-list related-list' },
                ...section.items.map((item) =>
                  h(
                    'li',
                    {},
                    item.href ? h('a', { href: item.href }, item.name) : h('span', {}, item.name),
                    item.note && h('span', { class: 'muted' }, ` · ${item.note}`),
                  ),
                ),
              ),
        ),
      ),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  const stopSession = session.onChange(() => render());
  reload();
  return {
    relabel: render,
    unmount: () => {
      loader.stop();
      auditLoader.stop();
      choiceLoader.stop();
      stopSession();
    },
  };
}
