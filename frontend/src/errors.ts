import { Problem } from './api';
import { t } from './i18n';

/**
 * The sentence a view shows for a failed request: the server's own detail when it sent one
 * (RFC 9457 problem details), otherwise a message from the catalogue.
 */
export function describeError(error: unknown): string {
  if (error instanceof Problem) {
    if (error.detail) return error.detail;
    if (error.type !== 'about:blank' && error.title) return error.title;
    return t('error.status', { status: String(error.status) });
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return t('error.network');
  return t('error.unexpected');
}
