// The pages below /steuerung: an indicator (/steuerung/kennzahl/{id}), a goal
// (/steuerung/ziel/{id}), a Leitlinie or a concept (/steuerung/{leitlinie|konzept}/{id}) and
// the forms that create them (/steuerung/neu/{kind}). The Steuerung itself is /steuerung.

import { goalPage } from './ziel';
import { indicatorPage } from './kennzahl';
import { notFoundView } from './notfound';
import { createPage, planPage } from './planung';
import type { MountedView, ViewContext } from './view';

/** Mounts the page for a path below /steuerung; undefined for /steuerung itself. */
export function monitoringPage(target: HTMLElement, ctx: ViewContext, pathname: string): MountedView | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/steuerung' || path === '') return undefined;
  const m = /^\/steuerung\/(kennzahl|ziel|leitlinie|konzept|neu)\/([^/]+)$/.exec(path);
  if (!m) return notFoundView(target, ctx);
  const id = decodeURIComponent(m[2]!);
  switch (m[1]) {
    case 'kennzahl':
      return indicatorPage(target, ctx, id);
    case 'ziel':
      return goalPage(target, ctx, id);
    case 'leitlinie':
      return planPage(target, ctx, 'leitlinie', id);
    case 'konzept':
      return planPage(target, ctx, 'konzept', id);
    default:
      return id === 'ziel' || id === 'kennzahl' || id === 'leitlinie' || id === 'konzept' ? createPage(target, ctx, id) : notFoundView(target, ctx);
  }
}
