import { describe, expect, it } from 'vitest';
import { changedFields } from './verwaltung';

describe('audit changes', () => {
  it('lists the fields whose values differ, without the bookkeeping', () => {
    expect(
      changedFields(
        { id: 'm', title: 'A', capacity: 24, version: 1, updated_at: 'x', languages: ['de'] },
        { id: 'm', title: 'B', capacity: 24, version: 2, updated_at: 'y', languages: ['de', 'ar'] },
      ),
    ).toEqual([
      { field: 'languages', before: '["de"]', after: '["de","ar"]' },
      { field: 'title', before: 'A', after: 'B' },
    ]);
    expect(changedFields(undefined, { title: 'neu' })).toEqual([{ field: 'title', before: '', after: 'neu' }]);
  });
});
