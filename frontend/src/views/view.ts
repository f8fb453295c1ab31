import type { ApiClient } from '../api';
import type { RefData } from '../refdata';
import type { Session } from '../session';

/** What every view gets from the app. */
export interface ViewContext {
  api: ApiClient;
  /** Who is signed in; views listen to changes themselves. */
  session: Session;
  /** Reference data shared between views (regions, fields, municipalities, …). */
  refdata: RefData;
  /** Goes to an address inside the app (adds a history entry unless replace). */
  navigate(path: string, replace?: boolean): void;
}

/** A view placed in the page. */
export interface MountedView {
  /** Renders the visible text again after the language changed. */
  relabel(): void;
  /** Stops pending requests and timers; the app removes the elements. */
  unmount(): void;
}

/** Places a view into target, which the app has emptied. */
export type MountView = (target: HTMLElement, ctx: ViewContext) => MountedView;

/** The level-one heading of a view; the app moves focus to it after a navigation. */
export function viewHeading(text: string): HTMLHeadingElement {
  const heading = document.createElement('h1');
  heading.tabIndex = -1;
  heading.textContent = text;
  return heading;
}
