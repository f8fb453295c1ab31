import { h, replaceChildren } from '../dom';
import { t } from '../i18n';
import { HOME } from '../router';
import { viewHeading, type MountView } from './view';

export const notFoundView: MountView = (target) => {
  const render = () =>
    replaceChildren(
      target,
      viewHeading(t('notFound.title')),
      h('p', {}, t('notFound.text')),
      h('p', {}, h('a', { href: HOME }, t('notFound.back'))),
    );
  render();
  return { relabel: render, unmount() {} };
};
