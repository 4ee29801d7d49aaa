import { type RoomSnapshot, RoundRoomClient } from '@verbund/shared';
import { useEffect, useRef, useState } from 'react';
import { getSocket } from '../../../realtime/socket';

/** The live room over the tab's socket while the page shows it and the person takes part. */
export function useRoundRoom(roundId: string, enabled: boolean, changed: () => void) {
  const [client, setClient] = useState<RoundRoomClient | null>(null);
  const [state, setState] = useState<RoomSnapshot | null>(null);
  // The latest callback, so that a new function each render does not rejoin the room.
  const onChanged = useRef(changed);
  onChanged.current = changed;
  useEffect(() => {
    if (!enabled) return;
    let live: RoundRoomClient | null = null;
    let cancelled = false;
    let unsubscribe = () => undefined as unknown;
    void getSocket().then((socket) => {
      if (cancelled) return;
      live = new RoundRoomClient(socket, roundId, () => onChanged.current());
      unsubscribe = live.subscribe(() => setState(live!.state));
      setState(live.state);
      setClient(live);
    });
    return () => {
      cancelled = true;
      unsubscribe();
      live?.destroy();
      setClient(null);
      setState(null);
    };
  }, [roundId, enabled]);
  return { client, state };
}
