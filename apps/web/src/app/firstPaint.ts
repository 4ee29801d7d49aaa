import { useSyncExternalStore } from 'react';

/**
 * Runs `callback` once the next frame has been painted (a timeout queued in its animation callback); cancellable. A
 * tab in the background paints no frames: there it runs at once.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  if (document.visibilityState === 'hidden') timer = setTimeout(callback);
  else frame = requestAnimationFrame(() => (timer = setTimeout(callback)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!scheduled) {
    scheduled = true;
    afterNextPaint(() => {
      painted = true;
      listeners.forEach((l) => l());
    });
  }
  return () => listeners.delete(listener);
}

/**
 * False until the app's first render has been painted. What can wait (the frame's parts that need data) starts its
 * downloads only then, so that they do not share a phone's connection with what the first paint needs.
 */
export function useFirstPaintDone(): boolean {
  // The server's render of a page's first view is that first render (prerender.tsx).
  return useSyncExternalStore(
    subscribe,
    () => painted,
    () => false,
  );
}
