// The network drawn on a 2D canvas, for browsers without WebGL (common on Citrix and other
// virtual desktops of public administrations), where Sigma cannot start. It draws the same
// graph with the same node and edge styles (the view's reducers), fits it into the box, names
// the largest nodes and those the reducers ask to name, and turns a click into the node under
// the pointer. No camera: the box shows the whole network; the lists beside it and the
// surroundings of an organisation (ego network) are how one looks closer.

import type Graph from 'graphology';
import { squareType } from './hubs';

/** What a reducer makes of a node or an edge; the fields Sigma's reducers use. */
export interface Drawn {
  color?: string;
  size?: number;
  label?: string | null;
  hidden?: boolean;
  zIndex?: number;
  forceLabel?: boolean;
  highlighted?: boolean;
  /** squareType for Gremien, a disc otherwise. */
  type?: string;
}

type Attrs = Record<string, unknown>;

export interface CanvasOptions {
  nodeReducer: (node: string, attrs: Attrs) => Drawn;
  edgeReducer: (edge: string, attrs: Attrs) => Drawn;
  /** Called with the node under a click. */
  onClick: (node: string) => void;
  /** Nodes at least this large are named (Sigma's labelRenderedSizeThreshold). */
  labelSize?: number;
}

/** The mapping from graph coordinates to the canvas (CSS pixels). */
export interface Fit {
  scale: number;
  dx: number;
  dy: number;
}

/**
 * fitBox maps the nodes' bounding box into a width × height box with padding, keeping the
 * aspect ratio and centring it; y grows downwards on the screen as in Sigma.
 */
export function fitBox(points: readonly { x: number; y: number }[], width: number, height: number, padding = 24): Fit {
  if (points.length === 0) return { scale: 1, dx: width / 2, dy: height / 2 };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  return { scale, dx: (width - scale * (minX + maxX)) / 2, dy: (height - scale * (minY + maxY)) / 2 };
}

/** The node whose disc contains the point (the topmost, i.e. the last drawn), if any. */
export function nodeAt(discs: readonly { node: string; x: number; y: number; r: number }[], x: number, y: number): string | undefined {
  for (let i = discs.length - 1; i >= 0; i--) {
    const d = discs[i]!;
    const slack = Math.max(d.r, 6); // small nodes stay clickable
    if ((d.x - x) ** 2 + (d.y - y) ** 2 <= slack * slack) return d.node;
  }
  return undefined;
}

export class CanvasGraph {
  private readonly canvas: HTMLCanvasElement;
  private discs: { node: string; x: number; y: number; r: number }[] = [];
  private frame = 0;
  private readonly redraw = () => this.refresh();
  private readonly click = (event: MouseEvent) => {
    const box = this.canvas.getBoundingClientRect();
    const node = nodeAt(this.discs, event.clientX - box.left, event.clientY - box.top);
    if (node) this.options.onClick(node);
  };

  constructor(
    private readonly container: HTMLElement,
    private readonly graph: Graph,
    private readonly options: CanvasOptions,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.append(this.canvas);
    this.canvas.addEventListener('click', this.click);
    graph.on('eachNodeAttributesUpdated', this.redraw);
    graph.on('nodeAttributesUpdated', this.redraw);
    window.addEventListener('resize', this.redraw);
    this.refresh();
  }

  /** Draws again at the next frame. */
  refresh(): void {
    if (this.frame) return;
    const schedule = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16) as unknown as number;
    this.frame = schedule(() => {
      this.frame = 0;
      this.draw();
    });
  }

  kill(): void {
    this.graph.removeListener('eachNodeAttributesUpdated', this.redraw);
    this.graph.removeListener('nodeAttributesUpdated', this.redraw);
    window.removeEventListener('resize', this.redraw);
    this.canvas.removeEventListener('click', this.click);
    this.canvas.remove();
  }

  private draw(): void {
    const width = this.container.clientWidth || 600;
    const height = this.container.clientHeight || 400;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const g = this.graph;
    const nodes: { node: string; x: number; y: number; d: Drawn }[] = [];
    g.forEachNode((node, attrs) => {
      const d = this.options.nodeReducer(node, attrs);
      if (!d.hidden) nodes.push({ node, x: attrs.x as number, y: attrs.y as number, d });
    });
    const fit = fitBox(nodes, width, height);
    // Graph y grows upwards in Sigma's layouts; the screen's downwards.
    const sx = (x: number) => fit.scale * x + fit.dx;
    const sy = (y: number) => height - (fit.scale * y + fit.dy);

    let edges = 0;
    g.forEachEdge((edge, attrs, _a, _b, aAttrs, bAttrs) => {
      const d = this.options.edgeReducer(edge, attrs);
      if (d.hidden) return;
      edges++;
      ctx.strokeStyle = d.color ?? '#b4bec8';
      ctx.lineWidth = Math.max(0.5, d.size ?? 1);
      ctx.beginPath();
      ctx.moveTo(sx(aAttrs.x as number), sy(aAttrs.y as number));
      ctx.lineTo(sx(bAttrs.x as number), sy(bAttrs.y as number));
      ctx.stroke();
    });

    nodes.sort((p, q) => (p.d.zIndex ?? 0) - (q.d.zIndex ?? 0));
    this.discs = [];
    // What was drawn, for tests and for anyone inspecting the page.
    this.canvas.dataset.drawn = String(nodes.length);
    this.canvas.dataset.edges = String(edges);
    this.canvas.dataset.highlighted = String(nodes.filter((n) => n.d.highlighted).length);
    this.canvas.dataset.squares = String(nodes.filter((n) => n.d.type === squareType).length);
    for (const n of nodes) {
      const r = Math.max(2, n.d.size ?? 4);
      const x = sx(n.x);
      const y = sy(n.y);
      ctx.fillStyle = n.d.color ?? '#5b6b7a';
      ctx.beginPath();
      if (n.d.type === squareType) ctx.rect(x - r, y - r, 2 * r, 2 * r);
      else ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      if (n.d.highlighted) {
        ctx.strokeStyle = '#1a1f24';
        ctx.lineWidth = 2;
        ctx.stroke();
      }
      this.discs.push({ node: n.node, x, y, r });
    }

    // Labels last, with a light halo so that they stay readable over edges.
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const threshold = this.options.labelSize ?? 9;
    for (const n of nodes) {
      const label = n.d.label;
      if (!label || (!n.d.forceLabel && (n.d.size ?? 0) < threshold)) continue;
      const x = sx(n.x) + Math.max(2, n.d.size ?? 4) + 3;
      const y = sy(n.y);
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 4;
      ctx.strokeText(label, x, y);
      ctx.fillStyle = '#1a1f24';
      ctx.fillText(label, x, y);
    }
  }
}
