// Reference data that many views need and that rarely changes while a page is open: the
// regions, a region's fields of action, municipalities and organisations, and the target
// groups. Each is fetched once per page load and shared; a failed fetch is forgotten so the
// next view tries again.

import type { ApiClient } from './api';
import type { Field, Municipality, Network, Organisation, Region, TargetGroup } from './types';

export class RefData {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly api: ApiClient) {}

  regions(): Promise<Region[]> {
    return this.once('regions', () => this.api.listAll<Region>('regions'));
  }

  /** The region's fields of action, by name. */
  fields(region: string): Promise<Field[]> {
    return this.once(`fields:${region}`, async () =>
      byName(await this.api.listAll<Field>('fields', { region }), (f) => f.name),
    );
  }

  /** All target groups, by name. */
  targetGroups(): Promise<TargetGroup[]> {
    return this.once('target-groups', async () =>
      byName(await this.api.listAll<TargetGroup>('target-groups'), (g) => g.name),
    );
  }

  /** The region's municipalities, by name (without their geometry's use). */
  municipalities(region: string): Promise<Municipality[]> {
    return this.once(`municipalities:${region}`, async () =>
      byName(await this.api.listAll<Municipality>('municipalities', { region }), (m) => m.name),
    );
  }

  /** The region's organisations, by name. */
  organisations(region: string): Promise<Organisation[]> {
    return this.once(`organisations:${region}`, async () =>
      byName(await this.api.listAll<Organisation>('organisations', { region }), (o) => o.name),
    );
  }

  /** The region's networks, by name. */
  networks(region: string): Promise<Network[]> {
    return this.once(`networks:${region}`, async () =>
      byName(await this.api.listAll<Network>('networks', { region }), (n) => n.name),
    );
  }

  /** Forgets what was cached for keys starting with prefix (all when empty). */
  forget(prefix = ''): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.cache.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      this.cache.set(key, promise);
      promise.catch(() => this.cache.delete(key));
    }
    return promise;
  }
}

const collator = new Intl.Collator('de');

function byName<T>(items: T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}

/** The region to start with: the one chosen last, if it still exists, else the first. */
export function preferredRegion(regions: Region[], stored: string | null): string | undefined {
  if (stored && regions.some((r) => r.id === stored)) return stored;
  return regions[0]?.id;
}

export const REGION_KEY = 'netzwerkatlas.region';

export function storedRegion(): string | null {
  try {
    return globalThis.localStorage?.getItem(REGION_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeRegion(region: string): void {
  try {
    globalThis.localStorage?.setItem(REGION_KEY, region);
  } catch {
    // the choice is just not remembered
  }
}
