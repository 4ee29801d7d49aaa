import { formatsFor } from './useFormat';

describe('formatsFor', () => {
  const de = formatsFor('de');
  const en = formatsFor('en');

  it('shows the day something happened as it was in Germany, not in UTC', () => {
    expect(de.berlinDate('2026-03-14T23:30:00.000Z')).toBe('15. März 2026');
    expect(en.berlinDate('2026-07-31T22:15:00.000Z')).toBe('1 August 2026');
    expect(de.berlinDate('2026-07-31T21:59:00.000Z')).toBe('31. Juli 2026');
  });

  it('shows calendar days and months in the reader’s language', () => {
    expect(de.date('2026-12-31')).toBe('31. Dezember 2026');
    expect(en.date('2026-12-31')).toBe('31 December 2026');
    expect(de.month('2025-03')).toBe('März 2025');
    expect(en.month('2025-03')).toBe('March 2025');
  });
});
