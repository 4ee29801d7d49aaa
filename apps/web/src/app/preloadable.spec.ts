import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { preloadable } from './preloadable';

const Greeting = ({ name }: { name: string }) => createElement('p', null, `Hallo ${name}`);
const inSuspense = (element: ReturnType<typeof createElement>) => renderToString(createElement(Suspense, { fallback: 'lädt' }, element));

describe('preloadable', () => {
  it('shows the fallback while the module has not arrived', () => {
    const { Component } = preloadable(() => new Promise<typeof Greeting>(() => undefined));
    expect(inSuspense(createElement(Component, { name: 'Leipzig' }))).toContain('lädt');
  });

  it('renders at once, without suspending, once preloaded', async () => {
    const { Component, preload } = preloadable(() => Promise.resolve(Greeting));
    await preload();
    const html = inSuspense(createElement(Component, { name: 'Leipzig' }));
    expect(html).toContain('Hallo Leipzig');
    expect(html).not.toContain('lädt');
  });

  it('loads once, and tries again after a failed download', async () => {
    let calls = 0;
    const { preload } = preloadable(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)));
    await expect(preload()).rejects.toThrow('offline');
    await expect(Promise.all([preload(), preload()])).resolves.toEqual([Greeting, Greeting]);
    expect(calls).toBe(2);
  });
});
