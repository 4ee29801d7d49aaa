import { safeNext } from '@verbund/shared';

describe('safeNext: where to go after signing in', () => {
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '/%2e%2e//evil.example',
  ])('refuses %j, which a browser would read as another host', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each(['https://evil.example/', 'evil.example', 'javascript:alert(1)', '', 42, null, undefined])('refuses %j, which is no path', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each([
    ['/konto', '/konto'],
    ['/kommunen/14729?tab=nachbarn#karte', '/kommunen/14729?tab=nachbarn#karte'],
    ['/a/../materialien', '/materialien'],
  ])('keeps the path %j on this site', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
