import { useEffect, useState } from 'react';
import { getSocket } from './socket';

/** Whether the live connection (exchange rounds, notifications) is up. */
export function useLiveConnection(): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let cleanup = () => undefined as void;
    let cancelled = false;
    void getSocket().then((socket) => {
      if (cancelled) return;
      const up = () => setConnected(true);
      const down = () => setConnected(false);
      setConnected(socket.connected);
      socket.on('connect', up);
      socket.on('disconnect', down);
      cleanup = () => {
        socket.off('connect', up);
        socket.off('disconnect', down);
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, []);
  return connected;
}
