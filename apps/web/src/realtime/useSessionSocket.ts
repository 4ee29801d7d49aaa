import { useEffect } from 'react';
import { followSession } from './socket';

/** The tab's socket follows the signed-in person (see followSession). */
export function useSessionSocket(viewerId: string | undefined, loading: boolean): void {
  useEffect(() => {
    if (!loading) followSession(viewerId);
  }, [viewerId, loading]);
}
