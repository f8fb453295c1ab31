// The duplicates model in the Dubletten view: why a pair was detected (the service's sentence
// and every feature with its weight and contribution), the review queue of the pairs the
// model is least sure about, and the model itself (where its weights come from, the weights,
// the threshold). The service scores each pair as p = σ(bias + Σ weightᵢ · featureᵢ), a
// logistic regression fitted on built-in example pairs and refitted with the region's
// verdicts (docs/decisions.md, "Duplicates by meaning: the model"); this module only shows it.

import { h } from '../dom';
import { formatDate, formatScore, formatSigned } from '../format';
import { getLanguage, t, type MessageKey } from '../i18n';
import { formatLabel, languageName } from '../labels';
import type { DuplicateFeature, DuplicateModel, DuplicatePair, Duplicates, ScorePart } from '../types';
import { pairKey } from '../util';

/** The model's features in the order the service computes them (and the tables show them). */
export const featureNames = [
  'title',
  'description',
  'compound',
  'synonyms',
  'title_trigrams',
  'programme',
  'languages',
  'format',
  'target_groups',
  'same_provider',
] as const;

const featureKeys: Record<string, MessageKey> = {
  title: 'dubletten.feature.title',
  description: 'dubletten.feature.description',
  compound: 'dubletten.feature.compound',
  synonyms: 'dubletten.feature.synonyms',
  title_trigrams: 'dubletten.feature.title_trigrams',
  programme: 'dubletten.feature.programme',
  languages: 'dubletten.feature.languages',
  format: 'dubletten.feature.format',
  target_groups: 'dubletten.feature.target_groups',
  same_provider: 'dubletten.feature.same_provider',
};

/** A feature's name in words; a feature the web app does not know yet keeps its code. */
export function featureLabel(name: string): string {
  const key = featureKeys[name];
  return key ? t(key) : t('dubletten.feature.other', { name });
}

/** Feature names in the model's order, unknown ones after them in alphabetical order. */
export function orderedFeatures(names: Iterable<string>): string[] {
  const rank = (n: string) => {
    const i = (featureNames as readonly string[]).indexOf(n);
    return i < 0 ? featureNames.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Why the pair was detected, in the language of the page. Without the service's sentence in
 * that language the English explanation stands in, marked as English for screen readers.
 */
export function whyText(pair: DuplicatePair): { text: string; lang?: string } {
  const lang = getLanguage();
  const text = pair.why?.[lang];
  if (text) return { text };
  if (pair.why?.en) return { text: pair.why.en, lang: lang === 'en' ? undefined : 'en' };
  return { text: pair.explanation, lang: lang === 'en' ? undefined : 'en' };
}

/** The logit of a pair: the bias plus the contributions of its features. */
export function logit(bias: number, features: readonly DuplicateFeature[]): number {
  return features.reduce((sum, f) => sum + f.contribution, bias);
}

/** The probability against the threshold, as a sentence. */
export function verdictOfModel(score: number, threshold: number): string {
  const params = { score: formatScore(score), threshold: formatScore(threshold) };
  return score >= threshold ? t('dubletten.reported', params) : t('dubletten.notReported', params);
}

/**
 * The features of a pair as a table: name, value, weight and contribution (signed), then the
 * model's bias and the sum, whose logistic function is the probability.
 */
export function featuresTable(pair: DuplicatePair, bias: number | undefined): HTMLTableElement {
  const byName = new Map(pair.features.map((f) => [f.name, f]));
  const rows = orderedFeatures(byName.keys()).map((name) => {
    const f = byName.get(name)!;
    return h(
      'tr',
      { 'data-feature': name },
      h('th', { scope: 'row' }, featureLabel(name)),
      h('td', { class: 'num' }, formatScore(f.value)),
      h('td', { class: 'num' }, formatSigned(f.weight, 2, false)),
      h('td', { class: 'num' }, formatSigned(f.contribution)),
    );
  });
  const total = (label: string, value: number, cls: string) =>
    h('tr', { class: cls }, h('th', { scope: 'row', colspan: 3 }, label), h('td', { class: 'num' }, formatSigned(value)));
  return h(
    'table',
    { class: 'dup-features' },
    h('caption', {}, t('dubletten.featuresCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('dubletten.feature')),
        h('th', { scope: 'col', class: 'num' }, t('dubletten.value')),
        h('th', { scope: 'col', class: 'num' }, t('dubletten.weight')),
        h('th', { scope: 'col', class: 'num' }, t('dubletten.contribution')),
      ),
    ),
    h('tbody', {}, ...rows),
    bias !== undefined &&
      h('tfoot', {}, total(t('dubletten.bias'), bias, 'dup-bias'), total(t('dubletten.logit'), logit(bias, pair.features), 'dup-logit')),
  );
}

const partKeys: Record<string, MessageKey> = {
  programme: 'dubletten.part.programme',
  languages: 'dubletten.part.languages',
  format: 'dubletten.part.format',
  target_groups: 'dubletten.part.target_groups',
  provider: 'dubletten.part.provider',
  time: 'dubletten.part.time',
};

/** A part's value of one entry in words: language and format codes become names. */
function partValue(part: ScorePart, value: string): string {
  if (!value) return '–';
  if (part.name === 'languages')
    return value
      .split(',')
      .map((c) => languageName(c.trim()))
      .join(', ');
  if (part.name === 'format') return formatLabel(value);
  if (part.name === 'time') {
    // "2025-01-01 – …": ISO dates, an open start or end as "…".
    const [from, to] = value.split(' – ');
    const day = (d: string | undefined) => (d && d !== '…' ? formatDate(d) : t('dubletten.part.open'));
    return `${day(from)} – ${day(to)}`;
  }
  return value;
}

/** The service's note on a part in the page's language (older answers: a plain string). */
function partNote(part: ScorePart): string {
  const note = part.note as ScorePart['note'] | string | undefined;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return getLanguage() === 'en' ? note.en : note.de || note.en;
}

/** What both entries say about programme, languages, format, target groups and provider. */
export function compareTable(pair: DuplicatePair): HTMLTableElement | undefined {
  const parts = pair.parts?.filter((p) => partKeys[p.name]) ?? [];
  if (parts.length === 0) return undefined;
  return h(
    'table',
    { class: 'dup-compare' },
    h('caption', {}, t('dubletten.compare')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t('dubletten.part')), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B'), h('th', { scope: 'col' }, t('dubletten.part.note'))),
    ),
    h(
      'tbody',
      {},
      ...parts.map((p) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t(partKeys[p.name] ?? 'dubletten.part.other')),
          h('td', {}, partValue(p, p.a)),
          h('td', {}, partValue(p, p.b)),
          h('td', {}, partNote(p)),
        ),
      ),
    ),
  );
}

/**
 * "Warum erkannt?": the service's sentence, and a disclosure with every feature, the
 * probability against the threshold and what both entries say.
 */
export function whyBlock(pair: DuplicatePair, data: Pick<Duplicates, 'threshold' | 'model'>): HTMLElement {
  const why = whyText(pair);
  return h(
    'div',
    { class: 'dup-why' },
    h('h4', {}, t('dubletten.why')),
    h('p', { class: 'dup-why-text', lang: why.lang }, why.text),
    h(
      'details',
      { class: 'dup-details' },
      h('summary', {}, t('dubletten.features')),
      featuresTable(pair, data.model?.bias),
      h('p', { class: 'dup-probability' }, verdictOfModel(pair.score, data.threshold)),
      h('p', { class: 'muted' }, t('dubletten.featuresNote')),
      compareTable(pair),
    ),
  );
}

/**
 * The review queue: the service's most uncertain unreviewed pairs without those decided in
 * this page meanwhile, the most uncertain first (ties keep the service's order).
 */
export function reviewQueue(data: Pick<Duplicates, 'uncertain'>, local: ReadonlyMap<string, { verdict: string }>): DuplicatePair[] {
  return (data.uncertain ?? [])
    .filter((p) => !p.verdict && !local.has(pairKey(p.a, p.b)))
    .map((p, i) => ({ p, i }))
    .sort((x, y) => y.p.uncertainty - x.p.uncertainty || x.i - y.i)
    .map(({ p }) => p);
}

/** Where the model's weights come from, in one or two sentences. */
export function modelSource(model: DuplicateModel | undefined, builtInChosen: boolean): string {
  if (builtInChosen) return t('dubletten.model.builtInChosen');
  if (!model || model.source !== 'fitted') return t('dubletten.model.builtIn', { pairs: model?.pairs ?? 0 });
  const fitted = t('dubletten.model.fitted', { count: model.verdicts });
  return model.verdict_weight ? `${fitted} ${t('dubletten.model.verdictWeight', { weight: model.verdict_weight })}` : fitted;
}

/** The model's weights by feature as a table, with the bias below them. */
export function weightsTable(model: DuplicateModel): HTMLTableElement {
  return h(
    'table',
    { class: 'dup-weights' },
    h('caption', {}, t('dubletten.model.weightsCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dubletten.feature')), h('th', { scope: 'col', class: 'num' }, t('dubletten.weight')))),
    h(
      'tbody',
      {},
      ...orderedFeatures(Object.keys(model.weights ?? {})).map((name) =>
        h('tr', { 'data-feature': name }, h('th', { scope: 'row' }, featureLabel(name)), h('td', { class: 'num' }, formatSigned(model.weights[name] ?? 0, 2, false))),
      ),
    ),
    h('tfoot', {}, h('tr', { class: 'dup-bias' }, h('th', { scope: 'row' }, t('dubletten.bias')), h('td', { class: 'num' }, formatSigned(model.bias, 2, false)))),
  );
}

/**
 * The model panel: where the weights come from, the threshold, a switch to score without the
 * region's verdicts, and the weights. onBuiltIn gets the switch's new state.
 */
export function modelPanel(data: Pick<Duplicates, 'threshold' | 'model'>, builtInChosen: boolean, onBuiltIn: (on: boolean) => void): HTMLElement {
  const toggle = h('input', { type: 'checkbox', id: 'dup-model-builtin', checked: builtInChosen });
  toggle.addEventListener('change', () => onBuiltIn(toggle.checked));
  return h(
    'section',
    { class: 'dup-model', id: 'dup-model', 'aria-labelledby': 'dup-model-title' },
    h('h2', { id: 'dup-model-title' }, t('dubletten.model.title')),
    h('p', { class: 'dup-model-source' }, modelSource(data.model, builtInChosen)),
    h('p', {}, t('dubletten.model.threshold', { threshold: formatScore(data.threshold) })),
    h('div', { class: 'check' }, toggle, h('label', { for: 'dup-model-builtin' }, t('dubletten.model.switch'))),
    data.model && weightsTable(data.model),
    data.model && h('p', { class: 'muted' }, t('dubletten.model.weightsNote')),
  );
}
