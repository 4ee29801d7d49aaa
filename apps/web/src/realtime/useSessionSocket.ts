import { useEffect, useRef } from 'react';
import { getSocket } from './socket';

/**
 * The server puts a socket into the person's rooms at its handshake, from the session cookie: when the signed-in
 * person changes (sign-in, sign-out; sign-out also ends the old socket), the socket connects anew. The frame
 * mounts this after Apollo has arrived, possibly after a sign-in: the sign-in page renews the socket itself.
 */
export function useSessionSocket(viewerId: string | undefined, loading: boolean): void {
  const seen = useRef<string | undefined | null>(null);
  useEffect(() => {
    if (loading) return;
    if (seen.current !== null && seen.current !== viewerId) void getSocket().then((socket) => socket.disconnect().connect());
    seen.current = viewerId;
  }, [viewerId, loading]);
}
