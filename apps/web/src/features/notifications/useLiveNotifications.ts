import { useApolloClient } from '@apollo/client/react';
import type { NotificationPayload } from '@verbund/shared';
import { useEffect, useState } from 'react';
import { NotificationsDocument, UnreadNotificationCountDocument } from '../../gql/graphql';
import { getSocket } from '../../realtime/socket';

/**
 * Keeps the bell current: the server sends `notification:new` to the person's room (joined at the handshake;
 * useSessionSocket reconnects when the person changes). Returns the latest text, for a polite live region.
 */
export function useLiveNotifications(viewerId: string | undefined): string {
  const client = useApolloClient();
  const [latest, setLatest] = useState('');
  useEffect(() => {
    let cancelled = false;
    let cleanup = () => undefined as void;
    void getSocket().then((socket) => {
      if (cancelled || !viewerId) return;
      const onNew = (n: NotificationPayload) => {
        client.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: n.unreadCount } });
        void client.refetchQueries({ include: [NotificationsDocument] });
        setLatest(n.text);
      };
      socket.on('notification:new', onNew);
      cleanup = () => socket.off('notification:new', onNew);
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [client, viewerId]);
  return latest;
}
