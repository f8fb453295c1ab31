// Creating a directory entry: /verzeichnis/neu/{massnahme|organisation|netzwerk|person}?region=…
// (a person with &org=… starts as working for that organisation)
// shows the entry form (views/entryform.ts) with the region's lists to choose from; after
// saving, the new entry's page opens. The lists are loaded here for the detail page's edit
// form too.

import { h, replaceChildren } from '../dom';
import { t } from '../i18n';
import { networkKindLabel, orgKindLabel } from '../labels';
import type { Choice } from '../multiselect';
import type { Node } from '../types';
import { errorBox, loadingBox, Loader } from '../ui';
import { readQuery, withQuery } from '../url';
import { detailPath } from './detail';
import { entryForm, kindOf, relSpecs, type ChoiceLists, type ChoiceSource, type EntryCollection } from './entryform';
import { viewHeading, type MountedView, type ViewContext } from './view';

/** The address segment of each collection's pages. */
export const segmentOf: Record<EntryCollection, string> = { measures: 'massnahme', organisations: 'organisation', networks: 'netzwerk', actors: 'person' };

/** The address of the page that creates an entry of a collection in a region. */
export function newEntryPath(collection: EntryCollection, region: string, organisation?: string): string {
  return withQuery(`/verzeichnis/neu/${segmentOf[collection]}`, { region, org: organisation });
}

/** Loads the lists the entry form of a collection chooses from. */
export async function loadChoices(ctx: ViewContext, region: string, collection: EntryCollection, signal?: AbortSignal): Promise<ChoiceLists> {
  const needed = new Set<ChoiceSource>(relSpecs[collection].map((s) => s.source));
  const out: ChoiceLists = {};
  const named = (items: { id: string; name: string }[]): Choice[] => items.map((x) => ({ value: x.id, label: x.name }));
  await Promise.all(
    [...needed].map(async (source) => {
      switch (source) {
        case 'fields':
          out.fields = named(await ctx.refdata.fields(region));
          return;
        case 'groups':
          out.groups = named(await ctx.refdata.targetGroups());
          return;
        case 'municipalities':
          out.municipalities = named(await ctx.refdata.municipalities(region));
          return;
        case 'organisations':
          out.organisations = (await ctx.refdata.organisations(region)).map((o) => ({ value: o.id, label: o.name, hint: orgKindLabel(o.kind) }));
          return;
        case 'networks':
          out.networks = (await ctx.refdata.networks(region)).map((n) => ({ value: n.id, label: n.name, hint: networkKindLabel(n.kind) }));
          return;
        case 'goals': {
          const goals = await ctx.api.listAll<Node & { text: string; reference?: string }>('goals', { region }, signal);
          out.goals = goals
            .map((g) => ({ value: g.id, label: g.text, ...(g.reference ? { hint: g.reference } : {}) }))
            .sort((a, b) => a.label.localeCompare(b.label, 'de'));
          return;
        }
      }
    }),
  );
  signal?.throwIfAborted();
  return out;
}

/** Forgets the cached lists a saved entry of the collection may have changed. */
export function forgetLists(ctx: ViewContext, collection: EntryCollection, region: string): void {
  if (collection === 'organisations') ctx.refdata.forget(`organisations:${region}`);
  if (collection === 'networks') ctx.refdata.forget(`networks:${region}`);
}

const collectionOfSegment: Record<string, EntryCollection> = { massnahme: 'measures', organisation: 'organisations', netzwerk: 'networks', person: 'actors' };

export function newEntryView(target: HTMLElement, ctx: ViewContext, segment: string): MountedView {
  const collection = collectionOfSegment[segment] ?? 'measures';
  const query = readQuery(location.search, ['region', 'org'] as const);
  const region = query.region ?? '';
  const back = h('p', { class: 'back' });
  const heading = viewHeading('');
  const body = h('div', { class: 'detail' });
  replaceChildren(target, back, heading, body);
  const loader = new Loader();
  let choices: ChoiceLists | undefined;
  let loadError: unknown;
  let form: HTMLFormElement | undefined;

  function render(): void {
    replaceChildren(back, h('a', { href: withQuery('/verzeichnis', { region }) }, t('detail.back')));
    const title = t(`entry.new.${collection}` as const);
    heading.textContent = title;
    document.title = t('app.documentTitle', { view: title });
    if (!region || !ctx.session.can(region, 'coordinator')) {
      replaceChildren(body, h('p', { class: 'note', role: 'status' }, t(region ? 'entry.notAllowed' : 'entry.noRegion')));
      return;
    }
    if (loadError) {
      replaceChildren(body, errorBox(t('entry.choicesFailed'), loadError, load));
      return;
    }
    if (!choices) {
      replaceChildren(body, loadingBox(t('entry.loadingChoices')));
      return;
    }
    form ??= entryForm({
      api: ctx.api,
      collection,
      region,
      choices,
      ...(collection === 'actors' && query.org ? { preset: { employers: [{ value: query.org, props: { role: '' } }] } } : {}),
      onSaved: (saved) => {
        forgetLists(ctx, collection, region);
        ctx.navigate(`${detailPath(kindOf[collection], saved.id)}?created=1`);
      },
      onCancel: () => ctx.navigate(withQuery('/verzeichnis', { region })),
    });
    replaceChildren(body, form);
  }

  function load(): void {
    loadError = undefined;
    choices = undefined;
    render();
    if (!region || !ctx.session.can(region, 'coordinator')) return;
    loader.run(
      (signal) => loadChoices(ctx, region, collection, signal),
      (loaded) => {
        choices = loaded;
        render();
      },
      (error) => {
        loadError = error;
        render();
      },
    );
  }

  const stop = ctx.session.onChange(() => load());
  load();
  return {
    relabel: () => {
      // Labels of a half-filled form are kept as they are; only the frame follows the language.
      if (!form) render();
      else {
        heading.textContent = t(`entry.new.${collection}` as const);
      }
    },
    unmount: () => {
      loader.stop();
      stop();
    },
  };
}
