// Words for the codes the API sends (kinds, statuses, formats, languages). Codes the
// catalogue does not know are shown as they are, so new codes never break a view.

import { getLanguage, t, type MessageKey } from './i18n';
import type { MapClass } from './choropleth';

function lookup(prefix: string, code: string | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

export const orgKindLabel = (code: string | undefined) => lookup('orgKind', code);
export const networkKindLabel = (code: string | undefined) => lookup('networkKind', code);
export const statusLabel = (code: string | undefined) => lookup('status', code);
export const levelLabel = (code: string | undefined) => lookup('level', code);
export const formatLabel = (code: string | undefined) => lookup('format', code);
export const cadenceLabel = (code: string | undefined) => lookup('cadence', code);
export const networkLevelLabel = (code: string | undefined) => lookup('networkLevel', code);
export const regionKindLabel = (code: string | undefined) => lookup('regions.kind', code);
export const classLabel = (cls: MapClass) => t(`class.${cls}` as MessageKey);
export const roleLabel = (code: string | undefined) => lookup('role', code);
export const verdictLabel = (code: string | undefined) => lookup('verdict', code);
export const relationLabel = (code: string | undefined) => lookup('relation', code);

/** A language's name from its ISO 639 code, in the current language (uk → Ukrainisch). */
export function languageName(code: string): string {
  try {
    const names = new Intl.DisplayNames([getLanguage()], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The measure statuses in their life-cycle order. */
export const measureStatuses = ['planned', 'active', 'paused', 'completed'] as const;
export const organisationKinds = [
  'administration',
  'jobcenter',
  'employment_agency',
  'immigration_authority',
  'welfare_association',
  'education_provider',
  'school',
  'daycare',
  'chamber',
  'migrant_organisation',
  'club',
  'volunteer_initiative',
  'religious_community',
  'business',
  'health_provider',
  'other',
] as const;
export const networkKinds = ['steering_group', 'round_table', 'working_group', 'integration_council', 'advisory_board', 'other'] as const;

export const priorityLabel = (code: string | undefined) => lookup('priority', code);
export const horizonLabel = (code: string | undefined) => lookup('horizon', code);
export const directionLabel = (code: string | undefined) => lookup('direction', code);
export const goalLevelLabel = (code: string | undefined) => lookup('goalLevel', code);

/** The priorities of goals and measures (Schwerpunkt, Starterprojekt, hoch, mittel, niedrig). */
export const priorities = ['focus', 'starter', 'high', 'medium', 'low'] as const;
/** When a measure is expected to take effect. */
export const horizons = ['short', 'medium', 'long'] as const;
/** What progress is for an indicator. */
export const directions = ['higher', 'lower', 'range'] as const;
/** A strategic goal or a Handlungsziel. */
export const goalLevels = ['strategic', 'operational'] as const;
