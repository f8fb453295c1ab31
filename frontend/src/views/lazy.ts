// Views with large libraries (the network graph needs Sigma.js and WebGL) are loaded when
// they are first opened, so that the start page does not wait for them. Until the module
// has arrived the page shows the view's heading and a loading state.

import { replaceChildren } from '../dom';
import { t, type MessageKey } from '../i18n';
import { errorBox, loadingBox } from '../ui';
import { viewHeading, type MountedView, type MountView } from './view';

export function lazyView(label: MessageKey, load: () => Promise<MountView>): MountView {
  return (target, ctx) => {
    let mounted: MountedView | undefined;
    let gone = false;
    const heading = viewHeading(t(label));
    let failed: unknown;

    function placeholder(): void {
      heading.textContent = t(label);
      replaceChildren(
        target,
        heading,
        failed === undefined
          ? loadingBox(t('lazy.loading'))
          : errorBox(t('lazy.error'), failed, () => {
              failed = undefined;
              start();
            }),
      );
    }

    function start(): void {
      placeholder();
      load().then(
        (view) => {
          if (gone) return;
          const hadFocus = document.activeElement === heading;
          replaceChildren(target);
          mounted = view(target, ctx);
          if (hadFocus) target.querySelector<HTMLElement>('h1')?.focus();
        },
        (error: unknown) => {
          if (gone) return;
          failed = error;
          placeholder();
        },
      );
    }

    start();
    return {
      relabel: () => (mounted ? mounted.relabel() : placeholder()),
      unmount: () => {
        gone = true;
        mounted?.unmount();
      },
    };
  };
}
