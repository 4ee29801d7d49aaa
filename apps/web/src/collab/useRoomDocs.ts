import type { RoomName } from '@verbund/shared';
import type { CollabStatus, RoomDocs } from '@verbund/shared/collab';
import { useEffect, useState } from 'react';
import { getSocket } from '../realtime/socket';

/** Caret colours dark enough for white names on them (contrast at least 4.5:1). */
const COLOURS = ['#0b5394', '#7a1f5c', '#1e6b34', '#8a3b00', '#4b2c8f', '#005f66', '#8c1c13'];

export function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLOURS[Math.abs(hash) % COLOURS.length]!;
}

/**
 * The shared documents of a room (a concept's sections, a round's notes) for as long as the page shows them: the
 * Yjs client (its own chunk, loaded only for those who write) over the tab's socket.
 */
export function useRoomDocs(room: RoomName, viewer: { id: string; name: string } | null, enabled: boolean) {
  const viewerId = viewer?.id;
  const name = viewer?.name;
  const [sync, setSync] = useState<RoomDocs | null>(null);
  // With the number of texts stopped (at their limit, removed): one stopping changes no status but must re-render.
  const [state, setState] = useState<{ status: CollabStatus; stopped: number }>({ status: 'connecting', stopped: 0 });
  useEffect(() => {
    if (!enabled || !viewerId || !name) return;
    let live: RoomDocs | null = null;
    let cancelled = false;
    let unsubscribe = () => undefined as unknown;
    void Promise.all([getSocket(), import('@verbund/shared/collab')]).then(([socket, { RoomDocs }]) => {
      if (cancelled) return;
      const docs = new RoomDocs(socket, room, { name, color: colourOf(viewerId) });
      const update = () =>
        setState((prev) => (prev.status === docs.status && prev.stopped === docs.stoppedDocs ? prev : { status: docs.status, stopped: docs.stoppedDocs }));
      live = docs;
      unsubscribe = docs.subscribe(update);
      update();
      setSync(docs);
    });
    return () => {
      cancelled = true;
      unsubscribe();
      live?.destroy();
      setSync(null);
    };
  }, [room, viewerId, name, enabled]);
  return { sync, status: state.status };
}
