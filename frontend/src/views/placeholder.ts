// The honest stand-in for views that are not built yet.

import { replaceChildren, h } from '../dom';
import { t, type MessageKey } from '../i18n';
import { viewHeading, type MountView } from './view';

/** A view that names itself, says it is in preparation and what it will offer. */
export function placeholderView(label: MessageKey, description: MessageKey): MountView {
  return (target) => {
    const render = () =>
      replaceChildren(
        target,
        viewHeading(t(label)),
        h('p', { class: 'badge' }, t('placeholder.status')),
        h('p', { class: 'lead' }, t(description)),
      );
    render();
    return { relabel: render, unmount() {} };
  };
}
