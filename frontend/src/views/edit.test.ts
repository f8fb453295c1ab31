import { describe, expect, it } from 'vitest';
import { changes, fromInput, toInput, type FieldSpec } from './edit';
import { changedFields } from './verwaltung';

const specs: FieldSpec[] = [
  { name: 'title', label: 'edit.field.title', type: 'text', required: true },
  { name: 'description', label: 'edit.field.description', type: 'textarea' },
  { name: 'capacity', label: 'detail.capacity', type: 'number' },
  { name: 'website', label: 'detail.website', type: 'url' },
];

describe('edit form values', () => {
  it('turns form text into the values to send', () => {
    expect(fromInput(specs[2]!, '24')).toBe(24);
    expect(fromInput(specs[2]!, '1,5')).toBe(1.5);
    expect(fromInput(specs[2]!, ' ')).toBeNull();
    expect(fromInput(specs[0]!, '  Sprachcafé  ')).toBe('Sprachcafé');
    expect(fromInput(specs[1]!, 'Zeile eins\n\nZeile zwei\n')).toBe('Zeile eins\n\nZeile zwei');
    expect(toInput(undefined)).toBe('');
    expect(toInput(24)).toBe('24');
  });

  it('sends only what changed, and null for an emptied field', () => {
    const stored = { title: 'Sprachcafé', description: 'Text', capacity: 24 };
    expect(changes(specs, stored, { title: 'Sprachcafé', description: 'Text', capacity: '24', website: '' })).toEqual({});
    expect(changes(specs, stored, { title: 'Sprachcafé Marl', description: '', capacity: '30', website: 'https://x.example' })).toEqual({
      title: 'Sprachcafé Marl',
      description: null,
      capacity: 30,
      website: 'https://x.example',
    });
  });
});

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
