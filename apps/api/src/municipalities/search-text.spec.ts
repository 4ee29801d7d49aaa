import { foldForSearch } from './search-text.js';

describe('foldForSearch', () => {
  it('folds umlauts and their spellings alike', () => {
    expect(new Set(['München', 'Muenchen', 'Munchen', 'MÜNCHEN'].map(foldForSearch))).toEqual(new Set(['munchen']));
  });

  it('folds ß and accents, and turns punctuation into single spaces', () => {
    expect(foldForSearch('Großenhain')).toBe(foldForSearch('Grossenhain'));
    expect(foldForSearch('Garching b.München')).toBe('garching b munchen');
    expect(foldForSearch('  Neu-Ulm, GKSt ')).toBe('neu ulm gkst');
  });
});
