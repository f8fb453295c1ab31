// Templates and exports of the Verwaltung view: links to the service's downloads, for the
// chosen region or all regions, each export with who uses it. The links are plain downloads
// (the browser sends the session cookie along), so every export holds what the user may read.

import type { ApiClient } from '../api';
import { h, replaceChildren } from '../dom';
import { exportFormats, sheetKinds } from '../exchange';
import { t } from '../i18n';
import type { Region } from '../types';

export interface Downloads {
  element: HTMLElement;
  render(regions: readonly Region[]): void;
}

export function createDownloads(api: ApiClient, initialRegion: string | undefined): Downloads {
  let region = initialRegion ?? '';
  let regions: readonly Region[] = [];
  let drawn = '';

  const element = h('section', { class: 'admin-section', 'aria-labelledby': 'downloads-title', id: 'downloads' });
  const title = h('h2', { id: 'downloads-title' });
  const regionLabel = h('label', { for: 'downloads-region' });
  const regionSelect = h('select', { id: 'downloads-region', name: 'downloads-region' });
  const links = h('div', {});
  element.append(title, h('div', { class: 'controls' }, h('div', { class: 'control' }, regionLabel, regionSelect)), links);

  regionSelect.addEventListener('change', () => {
    region = regionSelect.value;
    draw();
  });

  function draw(): void {
    title.textContent = t('downloads.title');
    regionLabel.textContent = t('downloads.region');
    const key = regions.map((r) => `${r.id}:${r.name}`).join('|') + t('downloads.allRegions');
    if (regionSelect.dataset.key !== key) {
      regionSelect.dataset.key = key;
      replaceChildren(regionSelect, h('option', { value: '' }, t('downloads.allRegions')), ...regions.map((r) => h('option', { value: r.id }, r.name)));
    }
    if (region && regions.length > 0 && !regions.some((r) => r.id === region)) region = '';
    regionSelect.value = region;
    const where = region ? { region } : {};
    // Links are replaced only when something they show changed, so a focused link stays.
    const state = `${key}|${region}|${t('downloads.templates')}`;
    if (state === drawn) return;
    drawn = state;
    replaceChildren(
      links,
      h('h3', { class: 'import-subtitle' }, t('downloads.templates')),
      h('p', { class: 'muted' }, t('downloads.templatesIntro')),
      h(
        'div',
        { class: 'actions', id: 'downloads-templates' },
        h('a', { class: 'button-link', href: api.templateHref('xlsx', where), download: true, 'data-template': 'xlsx' }, t('downloads.templateXlsx')),
        h('a', { class: 'button-link', href: api.templateHref('csv', where), download: true, 'data-template': 'csv' }, t('downloads.templateCsvAll')),
      ),
      h(
        'p',
        { class: 'sheet-links' },
        t('downloads.templateSheets'),
        ' ',
        ...sheetKinds.flatMap((sheet, i) => [
          i > 0 && ' · ',
          h('a', { href: api.templateHref('csv', { sheet, ...where }), download: true, 'data-template': `csv-${sheet}` }, t(`sheet.${sheet}`)),
        ]),
      ),
      h('h3', { class: 'import-subtitle' }, t('downloads.exports')),
      h('p', { class: 'muted' }, t('downloads.exportsIntro')),
      h(
        'ul',
        { class: 'download-list', id: 'downloads-exports' },
        ...exportFormats.map((format) =>
          h(
            'li',
            { 'data-format': format },
            h('a', { class: 'button-link', href: api.exportHref(format, where), download: true }, t(`downloads.format.${format}`)),
            h('p', {}, t(`downloads.use.${format}`)),
          ),
        ),
      ),
    );
  }

  return {
    element,
    render(r) {
      regions = r;
      draw();
    },
  };
}
