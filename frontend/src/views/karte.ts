// Karte: the transparency map. The region's municipalities as polygons on a plain background
// (no tile server: nothing leaves the county's machine), coloured by the density of offers
// in the chosen field of action and target group, gaps hatched, a legend with the classes,
// a tooltip on hover and a side panel with the municipality's offers, providers, networks
// and gaps. Region, field, target group and selection live in the address (deep links).
// Names stand inside the municipalities where they fit; the panel closes with Escape and gives
// the focus back to the municipality (or the table row or list) it was opened from.

import type { FeatureCollection } from 'geojson';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import {
  classColours,
  hatchColour,
  legend,
  overviewScale,
  shade,
  type MapClass,
  type Scale,
  type Shade,
} from '../choropleth';
import { h, replaceChildren } from '../dom';
import { formatDecimal, formatInt, formatRange } from '../format';
import { getLanguage, t } from '../i18n';
import { classLabel, orgKindLabel } from '../labels';
import {
  baseSource,
  defaultLabelStyle,
  demandKind,
  PanelFocus,
  placeLabels,
  type BaseSource,
  type DemandKind,
  type FocusOrigin,
  type LabelCandidate,
  type PopulationFacts,
  type Pt,
} from '../maplabels';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import type {
  Coverage,
  CoverageCell,
  Field,
  MapCollection,
  MapFeature,
  Measure,
  Municipality,
  Network,
  Organisation,
  Region,
  TargetGroup,
} from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, statusLine, type Loadable } from '../ui';
import { mapLimit } from '../util';
import { mapHref, parseMapState, replaceQuery, type MapState } from '../url';
import { viewHeading, type MountView } from './view';

/** The id of the SVG pattern that hatches gaps. */
const HATCH_ID = 'nwa-hatch';

/** What the map shows for the current region, field and group. */
interface MapData {
  key: string;
  geo: MapCollection;
  coverage: Coverage;
  scale: Scale;
  shades: Map<string, Shade>;
  /** The population densities are measured against, and where its figures come from. */
  base: PopulationBase;
}

/** The population base of the densities: which group of people, from which source and year. */
export interface PopulationBase extends BaseSource {
  kind: DemandKind;
}

/** The population base's name, e.g. "Menschen mit ausländischer Staatsangehörigkeit". */
export function baseName(base: PopulationBase): string {
  return t(`karte.base.${base.kind}`);
}

/** The population base's source and year, e.g. "Schätzung aus dem Anteil im Kreis, Stand 2022". */
export function baseSourceText(base: PopulationBase): string {
  if (base.year === undefined) return t(base.source === 'official' ? 'karte.base.officialNoYear' : 'karte.base.approximateNoYear');
  return t(base.source === 'official' ? 'karte.base.official' : 'karte.base.approximate', { year: String(base.year) });
}

/** The first letter in upper case, for a name that starts a heading or a table column. */
function capital(text: string): string {
  return text.charAt(0).toLocaleUpperCase(getLanguage()) + text.slice(1);
}

/** The rings of a Leaflet polygon's largest part, projected to layer pixels. */
function screenRings(map: L.Map, layer: L.Polygon): Pt[][] {
  const raw = layer.getLatLngs() as L.LatLng[][] | L.LatLng[][][];
  const parts: L.LatLng[][][] = raw.length > 0 && Array.isArray((raw as L.LatLng[][][])[0]?.[0]) ? (raw as L.LatLng[][][]) : [raw as L.LatLng[][]];
  let best: Pt[][] = [];
  let bestSize = -1;
  for (const part of parts) {
    const rings = part.map((ring) => ring.map((ll): Pt => {
      const p = map.latLngToLayerPoint(ll);
      return [p.x, p.y];
    }));
    const outer = rings[0] ?? [];
    const xs = outer.map((p) => p[0]);
    const ys = outer.map((p) => p[1]);
    const size = outer.length > 0 ? (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) : 0;
    if (size > bestSize) {
      best = rings;
      bestSize = size;
    }
  }
  return best;
}

/** The height of the gap mark above a name, in pixels (22 px circle and a little room). */
const MARK_RESERVE = 24;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of a name in the labels' font (.map-name in styles.css), in pixels. */
function measureText(text: string): number {
  if (measureContext === undefined) {
    try {
      measureContext = document.createElement('canvas').getContext('2d');
      if (measureContext) measureContext.font = `600 ${defaultLabelStyle.fontPx}px system-ui, sans-serif`;
    } catch {
      measureContext = null;
    }
  }
  const measured = measureContext?.measureText(text).width;
  // A little extra, as the page's font may be wider than the one measured.
  return typeof measured === 'number' && measured > 0 ? measured * 1.08 : text.length * defaultLabelStyle.fontPx * 0.6;
}

/** The panel's content for one municipality. */
interface PanelData {
  ags: string;
  offers: Measure[];
  offersTotal: number;
  providers: Map<string, Organisation | { id: string; name: string; kind: string }>;
  providerOf: Map<string, string[]>;
  networks: Network[];
}

export const karteView: MountView = (target, { api, refdata }) => {
  let state: MapState = parseMapState(location.search);
  let regions: Region[] = [];
  let fields: Field[] = [];
  let groups: TargetGroup[] = [];
  let data: Loadable<MapData> = { status: 'loading' };
  let panel: Loadable<PanelData> | undefined;
  let bootError: unknown;

  const mapLoader = new Loader();
  const panelLoader = new Loader();
  const setupLoader = new Loader();

  // Static skeleton: the map element must survive re-renders, Leaflet owns it.
  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const controls = h('div', { class: 'controls', role: 'group' });
  const status = statusLine();
  const mapEl = h('div', { class: 'map', id: 'karte-map', 'data-state': 'loading' });
  const mapLabel = h('p', { class: 'visually-hidden', id: 'karte-map-label' });
  mapEl.setAttribute('aria-describedby', 'karte-map-label');
  const overlay = h('div', { class: 'map-overlay' });
  const legendBox = h('div', { class: 'legend', id: 'karte-legend' });
  const attribution = h('p', { class: 'map-credit' });
  const side = h('aside', { class: 'map-panel', id: 'karte-panel', 'aria-live': 'polite' });
  const tableBox = h('details', { class: 'map-table' });
  const layout = h(
    'div',
    { class: 'map-layout' },
    h('div', { class: 'map-main' }, h('div', { class: 'map-frame' }, mapEl, overlay), mapLabel, legendBox, attribution),
    side,
  );
  replaceChildren(target, heading, intro, controls, status, layout, tableBox);

  const map = L.map(mapEl, {
    zoomSnap: 0.25,
    // Leaflet's own control is English ("Zoom in"); this one is named in the UI's language.
    zoomControl: false,
    attributionControl: false,
    renderer: L.svg({ padding: 0.3 }),
    minZoom: 6,
    maxZoom: 14,
  });
  L.control.zoom({ zoomInTitle: t('karte.zoomIn'), zoomOutTitle: t('karte.zoomOut') }).addTo(map);
  map.setView([51.2, 10.4], 6);
  let geoLayer: L.GeoJSON | undefined;
  let marks: L.LayerGroup | undefined;
  let names: L.LayerGroup | undefined;
  // The selected municipality's outline, drawn on top: raising the polygon itself would move
  // its element to the end of the SVG, out of the keyboard order and out of focus.
  let selOutline: L.Polygon | undefined;
  const layers = new Map<string, L.Path>();
  const focus = new PanelFocus((origin, ags) => {
    const css = CSS.escape(ags);
    if (origin === 'table') return tableBox.querySelector<HTMLElement>(`button[data-ags="${css}"]`);
    if (origin === 'select') return side.querySelector<HTMLElement>('#karte-select');
    return mapEl.querySelector<HTMLElement>(`path.municipality[data-ags="${css}"]`);
  });
  let layerRegion = '';
  // The map fits the region until the user pans or zooms; then it stays where they put it.
  let autoFit = true;
  let fitting = false;
  map.on('dragstart', () => (autoFit = false));
  map.on('zoomstart', () => {
    if (!fitting) autoFit = false;
  });
  // Whether a name fits depends on the polygons' size on screen.
  map.on('zoomend', () => placeNames());

  /** Names the zoom buttons in the current language (Leaflet sets title and aria-label). */
  function labelZoom(): void {
    for (const [css, key] of [
      ['.leaflet-control-zoom-in', 'karte.zoomIn'],
      ['.leaflet-control-zoom-out', 'karte.zoomOut'],
    ] as const) {
      const button = mapEl.querySelector<HTMLElement>(css);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
  }

  function fit(): void {
    const bounds = geoLayer?.getBounds();
    if (!bounds?.isValid()) return;
    fitting = true;
    map.fitBounds(bounds, { padding: [12, 12], animate: false });
    fitting = false;
  }

  function ensureHatch(): void {
    const svg = mapEl.querySelector('.leaflet-overlay-pane svg');
    if (!svg || svg.querySelector(`#${HATCH_ID}`)) return;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = document.createElementNS(ns, 'defs');
    const pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', HATCH_ID);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const bg = document.createElementNS(ns, 'rect');
    bg.setAttribute('width', '8');
    bg.setAttribute('height', '8');
    bg.setAttribute('fill', classColours.gap);
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '8');
    line.setAttribute('stroke', hatchColour);
    line.setAttribute('stroke-width', '4');
    pattern.append(bg, line);
    defs.append(pattern);
    svg.prepend(defs);
  }

  function fillOf(cls: MapClass): string {
    return cls === 'gap' ? `url(#${HATCH_ID})` : classColours[cls];
  }

  function styleFor(ags: string): L.PathOptions {
    const s = data.status === 'ready' ? data.data.shades.get(ags) : undefined;
    const selected = ags === state.sel;
    return {
      fillColor: fillOf(s?.cls ?? 'nodata'),
      fillOpacity: 1,
      color: selected ? '#1a1f24' : '#4a5560',
      weight: selected ? 4 : 1,
      opacity: 1,
    };
  }

  function featureName(ags: string): string {
    if (data.status !== 'ready') return ags;
    return data.data.geo.features.find((f) => f.properties.ags === ags)?.properties.name ?? ags;
  }

  function fieldName(id: string | undefined): string {
    return fields.find((f) => f.id === id)?.name ?? id ?? '';
  }

  function densityText(s: Shade): string {
    return t('karte.density', { value: formatDecimal(s.density) });
  }

  function describeShade(name: string, s: Shade | undefined): string {
    if (!s) return name;
    if (s.cls === 'gap') return t('karte.aria.gap', { name });
    return t('karte.aria.shade', { name, cls: classLabel(s.cls), density: formatDecimal(s.density) });
  }

  function tooltipFor(ags: string): HTMLElement {
    const feature = data.status === 'ready' ? data.data.geo.features.find((f) => f.properties.ags === ags) : undefined;
    const s = data.status === 'ready' ? data.data.shades.get(ags) : undefined;
    if (!feature || !s) return h('div', {}, ags);
    const p = feature.properties;
    return h(
      'div',
      { class: 'map-tip' },
      h('strong', {}, p.name),
      h('span', {}, classLabel(s.cls)),
      h('span', {}, t('karte.tip.offers', { count: s.offers })),
      s.cls !== 'gap' && h('span', {}, densityText(s)),
      !state.field && p.gaps > 0 && h('span', {}, t('karte.tip.gapFields', { count: p.gaps })),
    );
  }

  /**
   * Selects a municipality (or none) and loads its panel. From the keyboard (origin map, table
   * or select) the focus moves to the panel's heading, and back to the origin when it closes.
   */
  function select(ags: string | undefined, origin?: FocusOrigin): void {
    const before = state.sel;
    state = { ...state, sel: ags };
    writeState();
    if (before) layers.get(before)?.setStyle(styleFor(before));
    if (ags) layers.get(ags)?.setStyle(styleFor(ags));
    outlineSelection();
    loadPanel();
    if (ags && origin) {
      focus.opened(origin, ags);
      if (origin !== 'pointer') side.querySelector<HTMLElement>('#karte-panel-title')?.focus();
    }
  }

  /** Closes the panel and gives the focus back to where it was opened. */
  function closePanel(): void {
    if (!state.sel) return;
    const ags = state.sel;
    if (!focus.from) focus.opened('map', ags);
    select(undefined);
    focus.closed();
  }

  function outlineSelection(): void {
    selOutline?.remove();
    selOutline = undefined;
    const layer = state.sel ? layers.get(state.sel) : undefined;
    if (!(layer instanceof L.Polygon)) return;
    selOutline = L.polygon(layer.getLatLngs() as L.LatLng[][], {
      interactive: false,
      fill: false,
      color: '#1a1f24',
      weight: 4,
      opacity: 1,
      className: 'map-selection',
    }).addTo(map);
  }

  // Escape closes the panel: from inside it the focus goes back to where it was opened; on
  // the map or in the table it stays where it is.
  function onEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !state.sel) return;
    event.preventDefault();
    if (event.target instanceof Node && side.contains(event.target)) {
      closePanel();
      return;
    }
    focus.forget();
    select(undefined);
  }
  side.addEventListener('keydown', onEscape);
  mapEl.addEventListener('keydown', onEscape);
  tableBox.addEventListener('keydown', onEscape);

  /**
   * Writes the municipalities' names where they fit at the current zoom, and the gap marks
   * (overview only) above them; both are hidden from screen readers, as the municipalities'
   * own names, the table and the list say the same.
   */
  function placeNames(): void {
    names?.remove();
    names = undefined;
    marks?.remove();
    marks = undefined;
    if (data.status !== 'ready') return;
    const withMarks = !state.field;
    const candidates: LabelCandidate[] = [];
    const gapsOf = new Map<string, number>();
    for (const feature of data.data.geo.features) {
      const p = feature.properties;
      const layer = layers.get(p.ags);
      if (!(layer instanceof L.Polygon)) continue;
      const mark = withMarks && p.gaps > 0;
      if (mark) gapsOf.set(p.ags, p.gaps);
      candidates.push({ id: p.ags, name: p.name, rings: screenRings(map, layer), reserve: mark ? MARK_RESERVE : 0 });
    }
    const style = { ...defaultLabelStyle, measure: measureText };
    const nameGroup = L.layerGroup();
    const markGroup = L.layerGroup();
    for (const place of placeLabels(candidates, style)) {
      if (place.lines.length > 0) {
        const lineH = style.lineHeight;
        const w = Math.ceil(Math.max(...place.lines.map(measureText)) + 2 * style.pad);
        const hgt = place.lines.length * lineH + 2 * style.pad;
        const icon = L.divIcon({
          className: 'map-name',
          html: h('span', { class: 'map-name-text' }, ...place.lines.map((line) => h('span', {}, line))),
          iconSize: [w, hgt],
          iconAnchor: [w / 2, hgt / 2],
        });
        L.marker(map.layerPointToLatLng([place.x, place.y]), { icon, interactive: false, keyboard: false }).addTo(nameGroup);
      }
      const gaps = gapsOf.get(place.id);
      if (gaps !== undefined) {
        const y = place.lines.length > 0 ? place.reserveY : place.anchor.y;
        const icon = L.divIcon({
          className: 'gap-mark',
          html: h('span', { 'aria-hidden': 'true' }, String(gaps)),
          iconSize: [22, 22],
        });
        L.marker(map.layerPointToLatLng([place.anchor.x, y]), { icon, interactive: false, keyboard: false }).addTo(markGroup);
      }
    }
    names = nameGroup.addTo(map);
    if (withMarks) marks = markGroup.addTo(map);
    for (const group of [names, marks]) group?.eachLayer((m) => (m as L.Marker).getElement()?.setAttribute('aria-hidden', 'true'));
  }

  function buildLayers(geo: MapCollection): void {
    geoLayer?.remove();
    layers.clear();
    geoLayer = L.geoJSON(geo as unknown as FeatureCollection, {
      style: (feature) => styleFor((feature as unknown as MapFeature).properties.ags),
      onEachFeature: (feature, layer) => {
        const ags = (feature as unknown as MapFeature).properties.ags;
        const path = layer as L.Path;
        layers.set(ags, path);
        path.bindTooltip(() => tooltipFor(ags), { sticky: true, direction: 'top', className: 'map-tooltip' });
        path.on('click', () => select(ags, 'pointer'));
        path.on('mouseover', () => path.setStyle({ weight: ags === state.sel ? 4 : 3, color: '#1a1f24' }));
        path.on('mouseout', () => path.setStyle(styleFor(ags)));
      },
    }).addTo(map);
    ensureHatch();
    // Make every municipality reachable by keyboard, with its class in words.
    for (const [ags, layer] of layers) {
      const el = layer.getElement();
      if (!el) continue;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('data-ags', ags);
      el.classList.add('municipality');
      el.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          event.preventDefault();
          select(ags, 'map');
        }
      });
      el.addEventListener('focus', () => layer.openTooltip(layer instanceof L.Polygon ? layer.getCenter() : undefined));
      el.addEventListener('blur', () => layer.closeTooltip());
    }
    autoFit = true;
    fit();
  }

  function restyle(): void {
    if (data.status !== 'ready') return;
    for (const [ags, layer] of layers) {
      layer.setStyle(styleFor(ags));
      const el = layer.getElement();
      const s = data.data.shades.get(ags);
      el?.setAttribute('aria-label', describeShade(featureName(ags), s));
      el?.setAttribute('data-class', s?.cls ?? 'nodata');
    }
    outlineSelection();
    // Names where they fit; without a field the classes are about all offers, and gaps in
    // single fields get a mark.
    placeNames();
  }

  function writeState(): void {
    replaceQuery({ region: state.region, field: state.field, group: state.group, sel: state.sel });
  }

  async function loadMapData(region: string, field: string | undefined, group: string | undefined, signal: AbortSignal): Promise<MapData> {
    const [geo, coverage, municipalities] = await Promise.all([
      api.mapMunicipalities(region, field, group, signal),
      api.coverage(region, group, signal),
      // Source and year of the figures; the map still works without them.
      refdata.municipalities(region).catch(() => [] as Municipality[]),
    ]);
    const kind = demandKind(coverage.demand);
    const base: PopulationBase = { kind, ...baseSource(kind, municipalities as (Municipality & PopulationFacts)[]) };
    let scale: Scale;
    if (field) {
      const f = coverage.fields.find((x) => x.id === field);
      scale = { median: f?.median_density ?? 0, thinBelow: f?.thin_below ?? 0 };
    } else {
      scale = overviewScale(
        geo.features.map((x) => x.properties),
        coverage.thin_factor,
      );
    }
    const shades = new Map<string, Shade>();
    for (const feature of geo.features) shades.set(feature.properties.ags, shade(feature.properties, scale, Boolean(field)));
    return { key: `${region}|${field ?? ''}|${group ?? ''}`, geo, coverage, scale, shades, base };
  }

  function loadMap(): void {
    const region = state.region;
    if (!region) return;
    const startedAt = performance.now();
    data = { status: 'loading' };
    mapEl.setAttribute('data-state', 'loading');
    render();
    mapLoader.run(
      (signal) => loadMapData(region, state.field, state.group, signal),
      (loaded) => {
        data = { status: 'ready', data: loaded };
        if (layerRegion !== region) {
          buildLayers(loaded.geo);
          layerRegion = region;
        }
        restyle();
        if (state.sel && !layers.has(state.sel)) state = { ...state, sel: undefined };
        writeState();
        mapEl.setAttribute('data-state', 'ready');
        mapEl.setAttribute('data-key', loaded.key);
        mapEl.setAttribute('data-ms', String(Math.round(performance.now() - startedAt)));
        performance.mark('nwa:map-ready');
        render();
        if (state.sel && (panel === undefined || panel.status !== 'ready' || panel.data.ags !== state.sel)) loadPanel();
        else renderPanel();
      },
      (error) => {
        data = { status: 'error', error };
        mapEl.setAttribute('data-state', 'error');
        render();
      },
    );
  }

  async function loadPanelData(ags: string, signal: AbortSignal): Promise<PanelData> {
    const region = state.region!;
    const filters = { municipality: ags, field: state.field, target_group: state.group, status: 'active' };
    const [offerPage, networkPage, orgs] = await Promise.all([
      api.listNodes<Measure>('measures', filters, { limit: 100, signal }),
      api.listNodes<Network>('networks', { municipality: ags, field: state.field }, { limit: 100, signal }),
      refdata.organisations(region).catch(() => [] as Organisation[]),
    ]);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const providerOf = new Map<string, string[]>();
    const providers = new Map<string, Organisation | { id: string; name: string; kind: string }>();
    const relationLists = await mapLimit(offerPage.items, 6, (m) => api.relations('measures', m.id, signal));
    offerPage.items.forEach((m, i) => {
      const ids = (relationLists[i] ?? []).filter((r) => r.type === 'PROVIDES' && r.to === m.id).map((r) => r.from);
      providerOf.set(m.id, ids);
      for (const id of ids) providers.set(id, byId.get(id) ?? { id, name: id, kind: '' });
    });
    return {
      ags,
      offers: offerPage.items,
      offersTotal: offerPage.total,
      providers,
      providerOf,
      networks: networkPage.items,
    };
  }

  function loadPanel(): void {
    const ags = state.sel;
    if (!ags || !state.region) {
      panelLoader.abort();
      panel = undefined;
      renderPanel();
      return;
    }
    panelLoader.track(
      (signal) => loadPanelData(ags, signal),
      (v) => {
        panel = v;
        renderPanel();
      },
    );
  }

  function setRegion(region: string): void {
    if (region === state.region) return;
    storeRegion(region);
    state = { region, group: state.group };
    panel = undefined;
    void loadFields().then(() => loadMap());
  }

  async function loadFields(): Promise<void> {
    if (!state.region) return;
    try {
      fields = await refdata.fields(state.region);
    } catch {
      fields = [];
    }
    if (state.field && !fields.some((f) => f.id === state.field)) state = { ...state, field: undefined };
    renderControls();
  }

  function renderControls(): void {
    replaceChildren(
      controls,
      selectField({
        id: 'karte-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: setRegion,
      }),
      selectField({
        id: 'karte-field',
        label: t('filter.field'),
        options: fields.map((f) => ({ value: f.id, label: f.name })),
        value: state.field,
        empty: t('filter.allFields'),
        onChange: (value) => {
          state = { ...state, field: value || undefined };
          loadMap();
          if (state.sel) loadPanel();
        },
      }),
      selectField({
        id: 'karte-group',
        label: t('filter.targetGroup'),
        options: groups.map((g) => ({ value: g.id, label: g.name })),
        value: state.group,
        empty: t('filter.allGroups'),
        onChange: (value) => {
          state = { ...state, group: value || undefined };
          loadMap();
          if (state.sel) loadPanel();
        },
      }),
    );
    controls.setAttribute('aria-label', t('karte.controls'));
  }

  function renderLegend(): void {
    if (data.status !== 'ready') {
      replaceChildren(legendBox);
      return;
    }
    const entries = legend(data.data.scale, [...data.data.shades.values()]);
    const title = state.field
      ? t('karte.legend.titleField', { field: fieldName(state.field) })
      : t('karte.legend.titleAll');
    replaceChildren(
      legendBox,
      h('h2', { class: 'legend-title' }, title),
      h('p', { class: 'legend-unit' }, t('karte.legend.unit', { base: baseName(data.data.base), source: baseSourceText(data.data.base) })),
      h(
        'ul',
        {},
        ...entries.map((e) => {
          const swatch = h('span', { class: `swatch swatch-${e.cls}`, 'aria-hidden': 'true' });
          if (e.cls !== 'gap') swatch.style.background = classColours[e.cls];
          let range = '';
          if (e.cls === 'gap') range = t('karte.legend.none');
          else if (e.cls === 'high' && e.from !== undefined) range = t('karte.legend.from', { value: formatDecimal(e.from) });
          else if (e.cls === 'thin' && e.to !== undefined) range = t('karte.legend.below', { value: formatDecimal(e.to) });
          else if (e.from !== undefined && e.to !== undefined) range = formatRange(e.from, e.to);
          return h(
            'li',
            { 'data-class': e.cls },
            swatch,
            h('span', { class: 'legend-label' }, classLabel(e.cls)),
            h('span', { class: 'legend-range' }, range),
            h('span', { class: 'legend-count' }, t('karte.legend.count', { count: e.count })),
          );
        }),
      ),
      !state.field &&
        h(
          'p',
          { class: 'legend-note' },
          h('span', { class: 'gap-mark legend-mark', 'aria-hidden': 'true' }, h('span', {}, '2')),
          t('karte.legend.marks'),
        ),
    );
  }

  function renderTable(): void {
    const summary = h('summary', {}, t('karte.table.summary'));
    if (data.status !== 'ready') {
      replaceChildren(tableBox, summary);
      return;
    }
    const ready = data.data;
    const rows = [...ready.geo.features]
      .map((f) => ({ p: f.properties, s: ready.shades.get(f.properties.ags)! }))
      .sort((a, b) => a.p.name.localeCompare(b.p.name, 'de'));
    replaceChildren(
      tableBox,
      summary,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          {},
          h('caption', { class: 'visually-hidden' }, t('karte.table.summary')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('karte.table.municipality')),
              h('th', { scope: 'col' }, t('karte.table.class')),
              h('th', { scope: 'col', class: 'num' }, t('karte.table.offers')),
              h('th', { scope: 'col', class: 'num' }, t('karte.table.density')),
              h('th', { scope: 'col', class: 'num' }, capital(baseName(ready.base))),
              !state.field && h('th', { scope: 'col', class: 'num' }, t('karte.table.gapFields')),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map(({ p, s }) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  h('button', { type: 'button', class: 'link-button', 'data-ags': p.ags, onclick: () => select(p.ags, 'table') }, p.name),
                ),
                h('td', {}, classLabel(s.cls)),
                h('td', { class: 'num' }, formatInt(s.offers)),
                h('td', { class: 'num' }, s.cls === 'gap' ? '–' : formatDecimal(s.density)),
                h('td', { class: 'num' }, formatInt(p.demand)),
                !state.field && h('td', { class: 'num' }, formatInt(p.gaps)),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function cellsOf(ags: string): CoverageCell[] {
    if (data.status !== 'ready') return [];
    return data.data.coverage.cells.filter((c) => c.municipality === ags);
  }

  function explainCell(cell: CoverageCell): string {
    const field = fieldName(cell.field);
    if (cell.class === 'gap') return t('karte.explain.gap', { field });
    const f = data.status === 'ready' ? data.data.coverage.fields.find((x) => x.id === cell.field) : undefined;
    const params = {
      count: cell.offers,
      demand: formatInt(cell.demand),
      base: data.status === 'ready' ? baseName(data.data.base) : '',
      density: formatDecimal(cell.density),
      threshold: formatDecimal(f?.thin_below ?? 0),
      median: formatDecimal(f?.median_density ?? 0),
      field,
    };
    return cell.class === 'thin' ? t('karte.explain.thin', params) : t('karte.explain.covered', params);
  }

  function renderPanel(): void {
    const ags = state.sel;
    if (!ags) {
      const options = data.status === 'ready' ? [...data.data.geo.features].map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, 'de')) : [];
      replaceChildren(
        side,
        h('h2', {}, t('karte.panel.title')),
        h('p', {}, t('karte.panel.hint')),
        options.length > 0 &&
          selectField({
            id: 'karte-select',
            label: t('karte.panel.choose'),
            options: options.map((p) => ({ value: p.ags, label: p.name })),
            value: '',
            empty: t('karte.panel.chooseEmpty'),
            onChange: (value) => select(value || undefined, 'select'),
          }),
      );
      side.removeAttribute('data-ags');
      return;
    }
    side.setAttribute('data-ags', ags);
    const feature = data.status === 'ready' ? data.data.geo.features.find((f) => f.properties.ags === ags) : undefined;
    const s = data.status === 'ready' ? data.data.shades.get(ags) : undefined;
    const p = feature?.properties;
    const close = h(
      'button',
      { type: 'button', class: 'close', 'aria-label': t('karte.panel.close'), onclick: () => closePanel() },
      '×',
    );
    const head = h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'karte-panel-title', tabindex: -1 }, p?.name ?? ags),
      close,
    );
    const summary =
      p && s
        ? h(
            'div',
            { class: 'panel-summary' },
            h(
              'p',
              { class: 'panel-class' },
              h('span', { class: `swatch swatch-${s.cls}`, 'aria-hidden': 'true' }),
              h('strong', {}, classLabel(s.cls)),
            ),
            h('p', { class: 'panel-field muted' }, state.field ? fieldName(state.field) : t('filter.allFields')),
            h(
              'dl',
              { class: 'facts' },
              h('dt', {}, t('karte.panel.population')),
              h('dd', {}, formatInt(p.population)),
              h('dt', {}, data.status === 'ready' ? capital(baseName(data.data.base)) : ''),
              h(
                'dd',
                {},
                formatInt(p.demand),
                data.status === 'ready' && h('span', { class: 'muted fact-source' }, ` (${baseSourceText(data.data.base)})`),
              ),
              h('dt', {}, t('karte.panel.offers')),
              h('dd', {}, formatInt(s.offers)),
              h('dt', {}, t('karte.panel.density')),
              h('dd', {}, s.cls === 'gap' ? '–' : densityText(s)),
            ),
          )
        : null;
    const swatch = summary?.querySelector<HTMLElement>('.panel-class .swatch');
    if (swatch && s && s.cls !== 'gap') swatch.style.background = classColours[s.cls];

    // Gaps and thin cells of this municipality, from the coverage matrix.
    const cells = cellsOf(ags);
    const fieldCell = state.field ? cells.find((c) => c.field === state.field) : undefined;
    const weak = cells.filter((c) => c.class !== 'covered' && c.field !== state.field);
    const weakList =
      weak.length > 0 &&
      h(
        'ul',
        { class: 'gap-list' },
        ...weak.map((c) =>
          h(
            'li',
            { 'data-class': c.class },
            h('span', { class: `tag tag-${c.class}` }, classLabel(c.class === 'gap' ? 'gap' : 'thin')),
            ' ',
            h(
              'a',
              {
                href: mapHref({ ...state, field: c.field, sel: ags }),
                onclick: (event: Event) => {
                  if ((event as MouseEvent).button !== 0) return;
                  event.preventDefault();
                  event.stopPropagation();
                  state = { ...state, field: c.field };
                  renderControls();
                  loadMap();
                  loadPanel();
                },
              },
              fieldName(c.field),
            ),
            c.class === 'thin' && h('span', { class: 'muted' }, ` · ${t('karte.tip.offers', { count: c.offers })}`),
          ),
        ),
      );
    const gapSection = h(
      'section',
      { class: 'panel-section', 'aria-labelledby': 'karte-gaps' },
      h('h3', { id: 'karte-gaps' }, t('karte.panel.gaps')),
      fieldCell && h('p', { class: 'explain' }, explainCell(fieldCell)),
      state.field
        ? weakList && h('p', { class: 'explain' }, t('karte.panel.otherGaps'))
        : !weakList && h('p', { class: 'muted' }, t('karte.panel.noGaps')),
      weakList,
    );

    let body: (Node | false | null)[];
    if (!panel || panel.status === 'loading' || panel.status === 'idle') {
      body = [loadingBox(t('karte.panel.loading'))];
    } else if (panel.status === 'error') {
      body = [errorBox(t('karte.panel.error'), panel.error, loadPanel)];
    } else {
      const pd = panel.data;
      const directory = `/verzeichnis?${new URLSearchParams({
        region: state.region ?? '',
        municipality: ags,
        ...(state.field ? { field: state.field } : {}),
        ...(state.group ? { target_group: state.group } : {}),
        types: 'measure',
      }).toString()}`;
      body = [
        h(
          'section',
          { class: 'panel-section', 'aria-labelledby': 'karte-offers' },
          h('h3', { id: 'karte-offers' }, t('karte.panel.offersTitle', { count: pd.offersTotal })),
          pd.offers.length === 0
            ? h('p', { class: 'muted' }, t('karte.panel.noOffers'))
            : h(
                'ul',
                { class: 'offer-list' },
                ...pd.offers.map((m) =>
                  h(
                    'li',
                    {},
                    h('a', { href: `/verzeichnis/massnahme/${encodeURIComponent(m.id)}` }, m.title),
                    (pd.providerOf.get(m.id) ?? []).length > 0 &&
                      h(
                        'span',
                        { class: 'muted' },
                        ` · ${(pd.providerOf.get(m.id) ?? []).map((id) => pd.providers.get(id)?.name ?? id).join(', ')}`,
                      ),
                  ),
                ),
              ),
          pd.offersTotal > pd.offers.length && h('p', {}, h('a', { href: directory }, t('karte.panel.allOffers'))),
        ),
        h(
          'section',
          { class: 'panel-section', 'aria-labelledby': 'karte-providers' },
          h('h3', { id: 'karte-providers' }, t('karte.panel.providers', { count: pd.providers.size })),
          pd.providers.size === 0
            ? h('p', { class: 'muted' }, t('karte.panel.noProviders'))
            : h(
                'ul',
                { class: 'plain-list' },
                ...[...pd.providers.values()]
                  .sort((a, b) => a.name.localeCompare(b.name, 'de'))
                  .map((o) =>
                    h(
                      'li',
                      {},
                      h('a', { href: `/verzeichnis/organisation/${encodeURIComponent(o.id)}` }, o.name),
                      o.kind && h('span', { class: 'muted' }, ` · ${orgKindLabel(o.kind)}`),
                    ),
                  ),
              ),
        ),
        h(
          'section',
          { class: 'panel-section', 'aria-labelledby': 'karte-networks' },
          h('h3', { id: 'karte-networks' }, t('karte.panel.networks', { count: pd.networks.length })),
          pd.networks.length === 0
            ? h('p', { class: 'muted' }, t('karte.panel.noNetworks'))
            : h(
                'ul',
                { class: 'plain-list' },
                ...pd.networks.map((n) => h('li', {}, h('a', { href: `/verzeichnis/netzwerk/${encodeURIComponent(n.id)}` }, n.name))),
              ),
        ),
      ];
    }
    // A re-render (the offers arrive, the language changes) must not drop the focus to the
    // page's start: it stays on the close button, or else on the heading.
    const active = document.activeElement;
    const hadFocus = active instanceof HTMLElement && side.contains(active);
    const onClose = hadFocus && active.classList.contains('close');
    replaceChildren(side, head, summary, gapSection, ...body);
    if (onClose) close.focus();
    else if (hadFocus) side.querySelector<HTMLElement>('#karte-panel-title')?.focus();
  }

  function render(): void {
    heading.textContent = t('nav.karte');
    intro.textContent = t('karte.intro', {
      base: baseName(data.status === 'ready' ? data.data.base : { kind: 'foreign', source: 'approximate' }),
    });
    labelZoom();
    mapLabel.textContent = t('karte.mapLabel');
    attribution.textContent = t('karte.credit');
    renderControls();
    if (bootError) {
      status.textContent = '';
      replaceChildren(
        overlay,
        errorBox(t('karte.errorRegions'), bootError, () => {
          bootError = undefined;
          void boot();
        }),
      );
      return;
    }
    layout.setAttribute('aria-busy', String(data.status === 'loading'));
    switch (data.status) {
      case 'loading':
        status.textContent = t('karte.loading');
        replaceChildren(overlay, loadingBox(t('karte.loading')));
        break;
      case 'error':
        status.textContent = '';
        replaceChildren(overlay, errorBox(t('karte.error'), data.error, loadMap));
        break;
      case 'ready': {
        const features = data.data.geo.features;
        status.textContent =
          features.length === 0
            ? t('karte.empty')
            : t('karte.summary', {
                count: features.length,
                gaps: [...data.data.shades.values()].filter((s) => s.cls === 'gap').length,
              });
        replaceChildren(overlay, features.length === 0 && emptyBox(t('karte.empty')));
        break;
      }
    }
    renderLegend();
    renderTable();
    if (data.status === 'ready') {
      for (const [ags, layer] of layers) layer.getElement()?.setAttribute('aria-label', describeShade(featureName(ags), data.data.shades.get(ags)));
    }
  }

  async function boot(): Promise<void> {
    render();
    // With a region in the address the map loads at once; the lists for the controls follow.
    if (state.region) void loadFields().then(() => loadMap());
    setupLoader.run(
      () => Promise.all([refdata.regions(), refdata.targetGroups().catch(() => [] as TargetGroup[])]),
      ([loadedRegions, loadedGroups]) => {
        regions = loadedRegions;
        groups = loadedGroups;
        if (!state.region) {
          const region = preferredRegion(regions, storedRegion());
          if (!region) {
            data = { status: 'ready', data: emptyData() };
            render();
            return;
          }
          state = { ...state, region };
          void loadFields().then(() => loadMap());
        }
        renderControls();
      },
      (error) => {
        bootError = error;
        render();
      },
    );
  }

  // Leaflet measures its element; after layout changes (phone rotation) it must re-measure.
  const resize = new ResizeObserver(() => {
    map.invalidateSize({ animate: false });
    if (autoFit) fit();
  });
  resize.observe(mapEl);

  void boot();
  renderPanel();

  return {
    relabel: () => {
      render();
      renderPanel();
    },
    unmount: () => {
      mapLoader.stop();
      panelLoader.stop();
      setupLoader.stop();
      resize.disconnect();
      map.remove();
    },
  };
};

function emptyData(): MapData {
  return {
    key: '',
    geo: { type: 'FeatureCollection', features: [] },
    coverage: { region: '', demand: '', thin_factor: 0.25, fields: [], municipalities: [], cells: [], gaps: [], thin: [] },
    scale: { median: 0, thinBelow: 0 },
    shades: new Map(),
    base: { kind: 'foreign', source: 'approximate' },
  };
}
