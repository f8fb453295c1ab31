// Planning the integration concept: the pages that create a concept, a Leitlinie, a goal or
// an indicator (/steuerung/neu/{konzept|leitlinie|ziel|kennzahl}?region=&…, presets from the
// address), and the pages of a concept and of a Leitlinie with their edit forms. Only
// coordinators of the region and admins see the forms; others are told to sign in.

import { h, replaceChildren } from '../dom';
import { formatDate } from '../format';
import { t, type MessageKey } from '../i18n';
import { preferredRegion, storedRegion } from '../refdata';
import type { Collection, Concept, Field, Guideline, Node, Relation } from '../types';
import { errorBox, facts, loadingBox, Loader, statusLine } from '../ui';
import { readQuery } from '../url';
import { DeleteControl } from './deletecontrol';
import { backToCockpit, cockpitHref, createHref, FormSlot, goalHref, indicatorHref, loadPlan, planHref, type PlanKind, type RegionPlan } from './monitorparts';
import { planForm, type FormValues, type PlanField } from './planform';
import { conceptFields, goalFields, goalName, guidelineFields, guidelineName, indicatorFields } from './planspecs';
import { viewHeading, type MountedView, type ViewContext } from './view';

const collections: Record<PlanKind, Collection> = { konzept: 'concepts', leitlinie: 'guidelines', ziel: 'goals', kennzahl: 'indicators' };
const createTitles: Record<PlanKind, MessageKey> = { konzept: 'plan.newConcept', leitlinie: 'plan.newGuideline', ziel: 'plan.newGoal', kennzahl: 'plan.newIndicator' };

interface Context {
  region: string;
  plan: RegionPlan;
  fields: Field[];
}

function fieldsFor(kind: PlanKind, c: Context, self?: string): PlanField[] {
  switch (kind) {
    case 'konzept':
      return conceptFields();
    case 'leitlinie':
      return guidelineFields(c.plan.concepts);
    case 'ziel':
      return goalFields({ ...(self ? { self } : {}), concepts: c.plan.concepts, guidelines: c.plan.guidelines, goals: c.plan.goals, fields: c.fields });
    case 'kennzahl':
      return indicatorFields({ goals: c.plan.goals });
  }
}

/** The page that creates a node of kind. */
export function createPage(target: HTMLElement, ctx: ViewContext, kind: PlanKind): MountedView {
  const { api, refdata, session, navigate } = ctx;
  const query = readQuery(location.search, ['region', 'concept', 'guideline', 'parent', 'goal', 'field'] as const);
  let context: Context | undefined;
  let loadError: unknown;
  let form: HTMLFormElement | undefined;
  const loader = new Loader();

  const back = h('div', {});
  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'plan-page', id: 'plan-page' });
  replaceChildren(target, back, heading, status, body);

  async function load(signal: AbortSignal): Promise<Context> {
    const region = query.region ?? preferredRegion(await refdata.regions(), storedRegion());
    if (!region) throw new Error('no region');
    const [plan, fields] = await Promise.all([loadPlan(api, region, signal), refdata.fields(region)]);
    return { region, plan, fields };
  }

  function preset(c: Context): FormValues {
    const out: FormValues = {};
    if (kind === 'leitlinie') out.concept = query.concept ?? c.plan.concepts[0]?.id ?? '';
    if (kind === 'ziel') {
      const parent = c.plan.goals.find((g) => g.id === query.parent);
      if (query.parent) out.parent = query.parent;
      const guideline = query.guideline ?? parent?.guideline;
      if (guideline) out.guideline = guideline;
      const concept = query.concept ?? parent?.concept ?? c.plan.guidelines.find((g) => g.id === guideline)?.concept ?? (c.plan.concepts.length === 1 ? c.plan.concepts[0]!.id : undefined);
      if (concept) out.concept = concept;
      if (parent?.level === 'strategic') out.level = 'operational';
      if (query.field) out.fields = [query.field];
    }
    if (kind === 'kennzahl' && query.goal) out.goals = [query.goal];
    return out;
  }

  function done(saved: Node & Record<string, unknown>): void {
    if (kind === 'ziel') navigate(goalHref(saved.id));
    else if (kind === 'kennzahl') navigate(indicatorHref(saved.id));
    else if (kind === 'konzept') navigate(planHref('konzept', saved.id));
    else navigate(planHref('leitlinie', saved.id));
  }

  function render(): void {
    replaceChildren(back, backToCockpit(context?.region ?? query.region));
    heading.textContent = t(createTitles[kind]);
    document.title = t('app.documentTitle', { view: t(createTitles[kind]) });
    if (loadError) {
      status.textContent = '';
      replaceChildren(body, errorBox(t('plan.formError'), loadError, reload));
      return;
    }
    if (!context) {
      status.textContent = t('plan.formLoading');
      replaceChildren(body, loadingBox(t('plan.formLoading')));
      return;
    }
    const c = context;
    status.textContent = '';
    if (!session.can(c.region, 'coordinator')) {
      replaceChildren(body, h('p', { class: 'note' }, t('plan.signIn'), ' ', h('a', { href: '/verwaltung' }, t('account.signIn'))));
      return;
    }
    if (kind === 'leitlinie' && c.plan.concepts.length === 0) {
      replaceChildren(body, h('p', { class: 'note', id: 'plan-needs-concept' }, t('plan.needsConcept'), ' ', h('a', { href: createHref('konzept', { region: c.region }) }, t('plan.newConcept'))));
      return;
    }
    form ??= planForm({
      api,
      collection: collections[kind],
      id: `${kind}-form`,
      title: t('plan.formTitle'),
      fields: fieldsFor(kind, c),
      fixed: { region: c.region },
      preset: preset(c),
      onSaved: (saved) => done(saved),
      onCancel: () => navigate(cockpitHref(c.region)),
    });
    if (form.parentElement !== body) replaceChildren(body, form);
  }

  function reload(): void {
    loadError = undefined;
    render();
    loader.run(
      (signal) => load(signal),
      (c) => {
        context = c;
        render();
        form?.querySelector<HTMLElement>('input, textarea, select')?.focus();
      },
      (error) => {
        loadError = error;
        render();
      },
    );
  }

  const stopSession = session.onChange(() => {
    form = undefined;
    render();
  });
  reload();
  return {
    relabel: () => {
      heading.textContent = t(createTitles[kind]);
    },
    unmount: () => {
      loader.stop();
      stopSession();
    },
  };
}

/** The page of a concept or a Leitlinie: its facts, what hangs below it, and its edit form. */
export function planPage(target: HTMLElement, ctx: ViewContext, kind: 'konzept' | 'leitlinie', id: string): MountedView {
  const { api, refdata, session } = ctx;
  const collection = collections[kind];
  let node: (Concept | Guideline) | undefined;
  let context: Context | undefined;
  let loadError: unknown;
  let note = '';
  const loader = new Loader();
  const slot = new FormSlot<'edit'>(() => render());
  const remover = new DeleteControl({ api, collection: kind === 'konzept' ? 'concepts' : 'guidelines', id: 'plan' });

  const back = h('div', {});
  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'plan-page', id: 'plan-page' });
  replaceChildren(target, back, heading, status, body);

  function reload(after?: () => void): void {
    loadError = undefined;
    loader.run(
      async (signal) => {
        const n = await api.getNode<Concept | Guideline>(collection, id, signal);
        const [plan, fields] = await Promise.all([loadPlan(api, n.region, signal), refdata.fields(n.region)]);
        return { n, c: { region: n.region, plan, fields } };
      },
      ({ n, c }) => {
        node = n;
        context = c;
        render();
        after?.();
      },
      (error) => {
        loadError = error;
        render();
      },
    );
  }

  function openEdit(): void {
    if (!node || !context) return;
    const n = node;
    const c = context;
    slot.open(
      'edit',
      (signal) => api.relations(collection, id, signal),
      (relations: Relation[]) =>
        planForm({
          api,
          collection,
          id: `${kind}-form`,
          title: t(kind === 'konzept' ? 'plan.editConcept' : 'plan.editGuideline'),
          fields: fieldsFor(kind, c),
          entity: n as unknown as Node & Record<string, unknown>,
          relations,
          onSaved: () => {
            note = t('plan.saved');
            slot.close();
            reload(() => heading.focus());
          },
          onCancel: () => slot.close('plan-edit'),
        }),
    );
  }

  function render(): void {
    replaceChildren(back, backToCockpit(node?.region));
    if (loadError) {
      heading.textContent = t('plan.errorTitle');
      status.textContent = '';
      replaceChildren(body, errorBox(t('plan.error'), loadError, () => reload()));
      return;
    }
    if (!node || !context) {
      heading.textContent = t('plan.loadingTitle');
      status.textContent = t('plan.formLoading');
      replaceChildren(body, loadingBox(t('plan.formLoading')));
      return;
    }
    const n = node;
    const c = context;
    const name = kind === 'leitlinie' ? guidelineName(n as Guideline) : n.title;
    heading.textContent = name;
    document.title = t('app.documentTitle', { view: name });
    status.textContent = note;
    const edit = session.can(n.region, 'coordinator');
    remover.update({ id, version: n.version, name }, () => ctx.navigate(cockpitHref(n.region)));
    let details: HTMLElement[];
    if (kind === 'konzept') {
      const con = n as Concept;
      const guidelines = c.plan.guidelines.filter((g) => g.concept === id);
      details = [
        facts([
          [t('plan.field.adopted'), con.adopted ? formatDate(con.adopted) : undefined],
          [t('detail.website'), con.website ? h('a', { href: con.website, rel: 'noopener noreferrer', target: '_blank' }, con.website) : undefined],
        ]),
        ...(con.description ? con.description.split(/\n{2,}/).map((p) => h('p', { class: 'description' }, p)) : []),
        h(
          'section',
          { class: 'report-section', 'aria-labelledby': 'concept-periods-title' },
          h('h2', { id: 'concept-periods-title' }, t('plan.field.periods')),
          (con.periods ?? []).length === 0
            ? h('p', { class: 'muted' }, t('plan.noPeriods'))
            : h(
                'table',
                { id: 'concept-periods' },
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('edit.field.name')), h('th', { scope: 'col' }, t('edit.field.starts')), h('th', { scope: 'col' }, t('edit.field.ends')))),
                h('tbody', {}, ...(con.periods ?? []).map((p) => h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, formatDate(p.starts)), h('td', {}, p.ends ? formatDate(p.ends) : t('detail.open'))))),
              ),
        ),
        h(
          'section',
          { class: 'report-section', 'aria-labelledby': 'concept-guidelines-title' },
          h('h2', { id: 'concept-guidelines-title' }, t('plan.guidelines')),
          guidelines.length === 0 ? h('p', { class: 'muted' }, t('plan.noGuidelines')) : h('ul', { class: 'plain-list' }, ...guidelines.map((g) => h('li', {}, h('a', { href: planHref('leitlinie', g.id) }, guidelineName(g))))),
          edit && h('p', { class: 'no-print' }, h('a', { class: 'button-link', id: 'concept-new-guideline', href: createHref('leitlinie', { region: n.region, concept: id }) }, t('plan.newGuideline'))),
        ),
      ];
    } else {
      const gl = n as Guideline;
      const concept = c.plan.concepts.find((x) => x.id === gl.concept);
      const goals = c.plan.goals.filter((g) => g.guideline === id);
      details = [
        facts([
          [t('plan.field.reference'), gl.reference],
          [t('plan.field.concept'), concept ? h('a', { href: planHref('konzept', concept.id) }, concept.title) : gl.concept],
        ]),
        ...(gl.description ? gl.description.split(/\n{2,}/).map((p) => h('p', { class: 'description' }, p)) : []),
        h(
          'section',
          { class: 'report-section', 'aria-labelledby': 'guideline-goals-title' },
          h('h2', { id: 'guideline-goals-title' }, t('plan.goals')),
          goals.length === 0 ? h('p', { class: 'muted' }, t('cockpit.guidelineEmpty')) : h('ul', { class: 'plain-list' }, ...goals.map((g) => h('li', {}, h('a', { href: goalHref(g.id) }, goalName(g))))),
          edit && h('p', { class: 'no-print' }, h('a', { class: 'button-link', id: 'guideline-new-goal', href: createHref('ziel', { region: n.region, guideline: id, concept: gl.concept }) }, t('plan.newGoal'))),
        ),
      ];
    }
    replaceChildren(
      body,
      edit && slot.mode === 'view' && h('div', { class: 'actions no-print' }, h('button', { type: 'button', id: 'plan-edit', onclick: openEdit }, t(kind === 'konzept' ? 'plan.editConcept' : 'plan.editGuideline')), remover.button),
      edit && slot.mode === 'view' && remover.panel,
      slot.element(),
      ...details,
    );
  }

  const stopSession = session.onChange(() => render());
  render();
  reload();
  return {
    relabel: () => reload(),
    unmount: () => {
      loader.stop();
      slot.stop();
      stopSession();
    },
  };
}
