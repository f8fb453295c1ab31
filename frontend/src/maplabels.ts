// Helpers of the transparency map that need no map library, so that they can be tested on
// their own: where a municipality's name fits inside its polygon on screen, whether the name
// stays readable on every fill colour, what the map's population base is called, and where
// the keyboard focus goes back to when the municipality panel closes.

/** A point in screen pixels (Leaflet's layer points): x to the right, y downwards. */
export type Pt = readonly [number, number];

/** A polygon's rings in screen pixels: the outer ring first, then its holes. */
export type Rings = readonly (readonly Pt[])[];

/** Twice the signed area of a ring (positive or negative by its orientation). */
function ringArea2(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return sum;
}

/** The area of a polygon with holes, in square pixels. */
export function polygonArea(rings: Rings): number {
  if (rings.length === 0) return 0;
  let area = Math.abs(ringArea2(rings[0]!)) / 2;
  for (const hole of rings.slice(1)) area -= Math.abs(ringArea2(hole)) / 2;
  return Math.max(0, area);
}

/** Whether p lies inside the polygon (even–odd rule, so holes are outside). */
export function pointInPolygon(p: Pt, rings: Rings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function segmentDistance2(p: Pt, a: Pt, b: Pt): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** The distance from p to the polygon's outline: positive inside, negative outside. */
export function signedDistance(p: Pt, rings: Rings): number {
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) min = Math.min(min, segmentDistance2(p, ring[i]!, ring[j]!));
  }
  const d = Math.sqrt(min);
  return pointInPolygon(p, rings) ? d : -d;
}

/** A point inside a polygon and its distance to the outline. */
export interface InnerPoint {
  x: number;
  y: number;
  /** Distance to the nearest edge: the radius of the largest circle around the point. */
  distance: number;
}

/**
 * The pole of inaccessibility: the point inside the polygon farthest from its outline, found
 * to within precision pixels. Unlike the centroid it always lies inside, also for the bent and
 * hollow shapes of real municipalities, and it is where a label has the most room.
 * The algorithm is Mapbox's polylabel (V. Agafonkin, 2016): cover the polygon with square
 * cells, keep the best centre so far, and split only those cells whose centre distance plus
 * half-diagonal could still beat it.
 */
export function labelPoint(rings: Rings, precision = 1): InnerPoint {
  const outer = rings[0] ?? [];
  if (outer.length === 0) return { x: 0, y: 0, distance: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const size = Math.min(width, height);
  if (size === 0) return { x: minX, y: minY, distance: 0 };

  interface Cell {
    x: number;
    y: number;
    h: number;
    d: number;
    max: number;
  }
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance([x, y], rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  const h = size / 2;
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + h, y + h, h));

  // The centroid of the outer ring is often a good first guess.
  let best = cell(minX + width / 2, minY + height / 2, 0);
  const a2 = ringArea2(outer);
  if (a2 !== 0) {
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      const [ax, ay] = outer[i]!;
      const [bx, by] = outer[j]!;
      const f = ax * by - bx * ay;
      cx += (ax + bx) * f;
      cy += (ay + by) * f;
    }
    const centroid = cell(cx / (-3 * a2), cy / (-3 * a2), 0);
    if (centroid.d > best.d) best = centroid;
  }

  let guard = 0;
  while (queue.length > 0 && guard++ < 10000) {
    // Highest potential first; the queues here hold at most a few hundred cells.
    let top = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.max > queue[top]!.max) top = i;
    const c = queue.splice(top, 1)[0]!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    queue.push(cell(c.x - q, c.y - q, q), cell(c.x + q, c.y - q, q), cell(c.x - q, c.y + q, q), cell(c.x + q, c.y + q, q));
  }
  return { x: best.x, y: best.y, distance: best.d };
}

/** A rectangle on screen by its centre and size, in pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether the whole box lies inside the polygon (edges and inner grid sampled). */
export function boxInside(box: Box, rings: Rings): boolean {
  const steps = 4;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p: Pt = [box.x - box.w / 2 + (box.w * i) / steps, box.y - box.h / 2 + (box.h * j) / steps];
      if (!pointInPolygon(p, rings)) return false;
    }
  }
  return true;
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 * gap && Math.abs(a.y - b.y) * 2 < a.h + b.h + 2 * gap;
}

/** The ways a name can be written: on one line, or broken once at a hyphen or space. */
export function nameLines(name: string): string[][] {
  const ways: string[][] = [[name]];
  let cut = -1;
  for (let i = 1; i < name.length - 1; i++) {
    if (name[i] !== '-' && name[i] !== ' ') continue;
    if (cut < 0 || Math.abs(i - name.length / 2) < Math.abs(cut - name.length / 2)) cut = i;
  }
  if (cut > 0) {
    const first = name[cut] === '-' ? name.slice(0, cut + 1) : name.slice(0, cut);
    ways.push([first, name.slice(cut + 1)]);
  }
  return ways;
}

/** A rough width of text in pixels, generous so that a label judged to fit really does. */
export function estimateWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.6;
}

/** One municipality to label. */
export interface LabelCandidate {
  id: string;
  name: string;
  /** The polygon in screen pixels (for a multipolygon: its largest part). */
  rings: Rings;
  /** Height in pixels to keep free above the name, e.g. for the gap mark; 0 for none. */
  reserve?: number;
}

/** Where a municipality's name goes, or where its marks go when the name does not fit. */
export interface LabelPlacement {
  id: string;
  /** The label point inside the polygon. */
  anchor: InnerPoint;
  /** The name's lines, empty when the name does not fit. */
  lines: string[];
  /** The centre of the name's box. */
  x: number;
  y: number;
  /** The centre of the reserved space above the name (where the gap mark goes). */
  reserveY: number;
}

/** The typography of the labels, in pixels. */
export interface LabelStyle {
  fontPx: number;
  lineHeight: number;
  /** Padding around the text inside its halo. */
  pad: number;
  /** Minimum free space between two labels. */
  gap: number;
  /** Measures a line of text; the estimate by default. */
  measure?: (text: string) => number;
}

export const defaultLabelStyle: LabelStyle = { fontPx: 12, lineHeight: 14, pad: 3, gap: 2 };

/**
 * Places the names of municipalities where they fit: each at its polygon's label point, on one
 * line or broken at a hyphen, only if the whole box (with the reserved space for a mark above
 * it) lies inside the polygon and clears every name placed before. Larger polygons are placed
 * first. Every candidate gets a placement; lines is empty where the name does not fit.
 */
export function placeLabels(candidates: readonly LabelCandidate[], style: LabelStyle = defaultLabelStyle): LabelPlacement[] {
  const measure = style.measure ?? ((text: string) => estimateWidth(text, style.fontPx));
  const order = candidates
    .map((c) => ({ c, area: polygonArea(c.rings) }))
    .sort((a, b) => b.area - a.area || a.c.name.localeCompare(b.c.name, 'de'));
  const placed: Box[] = [];
  const out: LabelPlacement[] = [];
  for (const { c } of order) {
    const anchor = labelPoint(c.rings);
    const reserve = c.reserve ?? 0;
    let result: LabelPlacement = { id: c.id, anchor, lines: [], x: anchor.x, y: anchor.y, reserveY: anchor.y };
    for (const lines of nameLines(c.name)) {
      const w = Math.max(...lines.map(measure)) + 2 * style.pad;
      const textH = lines.length * style.lineHeight + 2 * style.pad;
      const h = textH + reserve;
      const group: Box = { x: anchor.x, y: anchor.y, w, h };
      if (!boxInside(group, c.rings) || placed.some((b) => overlaps(b, group, style.gap))) continue;
      placed.push(group);
      const top = anchor.y - h / 2;
      result = { id: c.id, anchor, lines, x: anchor.x, y: top + reserve + textH / 2, reserveY: top + reserve / 2 };
      break;
    }
    out.push(result);
  }
  return out;
}

// Contrast (WCAG 2.1, 1.4.3): the names are dark text on a light, partly transparent halo,
// so they stay readable on every fill of the map.

/** The colour of the labels' text. */
export const labelInk = '#1a1f24';
/** The halo behind the labels: white with this opacity. */
export const labelHaloAlpha = 0.85;

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** The colour seen where white with opacity alpha lies over background. */
export function overWhite(background: string, alpha: number): string {
  const mixed = rgb(background).map((c) => Math.round(255 * alpha + c * (1 - alpha)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The relative luminance of a colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The population base. Densities are offers per 10,000 people of one group of people, the
// "demand" of the coverage analysis: by default the inhabitants without German citizenship.
// The map names it the same way in the intro, legend, table, panel and explanations, with
// where the figure comes from and its year.

/** The demand populations the service can measure against (analysis/coverage.go). */
export type DemandKind = 'foreign' | 'population' | 'protection_seekers';

/** The demand of a coverage answer, foreign when unknown (the service's default). */
export function demandKind(demand: string | undefined): DemandKind {
  return demand === 'population' || demand === 'protection_seekers' ? demand : 'foreign';
}

/** What a municipality says about its figures (graph.Municipality). */
export interface PopulationFacts {
  population_year?: number;
  population_source?: string;
  foreign_source?: string;
}

/** Where the figures of one demand come from, summed up over a region's municipalities. */
export interface BaseSource {
  /** official when every municipality's figure is official, else approximate. */
  source: 'official' | 'approximate';
  /** The reference year (the most recent one given), undefined when none is. */
  year?: number;
}

/** The source and year of the demand figures of a region's municipalities. */
export function baseSource(kind: DemandKind, facts: readonly PopulationFacts[]): BaseSource {
  const sourceOf = (f: PopulationFacts) => (kind === 'population' ? f.population_source : f.foreign_source);
  const official = facts.length > 0 && facts.every((f) => sourceOf(f) === 'official');
  const years = facts.map((f) => f.population_year).filter((y): y is number => typeof y === 'number' && y > 0);
  return { source: official ? 'official' : 'approximate', year: years.length > 0 ? Math.max(...years) : undefined };
}

// Focus. A municipality is opened from the map, the table or the select list; when its panel
// closes (close button or Escape) the focus goes back to where it was opened, so that a
// keyboard user continues there instead of at the top of the page.

/** Where the panel was opened from. */
export type FocusOrigin = 'map' | 'table' | 'select' | 'pointer';

/** Remembers where a panel was opened and finds that place again when it closes. */
export class PanelFocus {
  private origin: FocusOrigin | undefined;
  private ags: string | undefined;

  /**
   * @param find returns the element that now stands for an origin and municipality (the
   *   table and the select are rendered anew, so elements are looked up, not kept).
   */
  constructor(private readonly find: (origin: FocusOrigin, ags: string) => HTMLElement | null | undefined) {}

  /** Notes that the panel of ags was opened from origin. */
  opened(origin: FocusOrigin, ags: string): void {
    this.origin = origin;
    this.ags = ags;
  }

  /** Forgets the origin: the panel closed while the focus was elsewhere, and stays there. */
  forget(): void {
    this.origin = undefined;
    this.ags = undefined;
  }

  /** Where the panel was opened from, if it is open. */
  get from(): FocusOrigin | undefined {
    return this.origin;
  }

  /**
   * The panel closed: focuses its origin, or the municipality on the map when the origin is
   * gone or the panel was opened with the mouse. Returns the element focused, if any.
   */
  closed(): HTMLElement | undefined {
    const { origin, ags } = this;
    this.origin = undefined;
    this.ags = undefined;
    if (!ags) return undefined;
    const el = (origin && origin !== 'pointer' ? this.find(origin, ags) : undefined) ?? this.find('map', ags);
    if (!el) return undefined;
    el.focus({ preventScroll: origin === 'pointer' });
    return el;
  }
}
