import { useApolloClient } from '@apollo/client/react';
import type { NotificationPayload } from '@verbund/shared';
import { useEffect, useRef, useState } from 'react';
import { NotificationsDocument, UnreadNotificationCountDocument } from '../../gql/graphql';
import { getSocket } from '../../realtime/socket';

/**
 * Keeps the bell current: the server sends `notification:new` to the person's room. The room is chosen at the
 * handshake from the session cookie, so the socket reconnects whenever the signed-in person changes.
 * Returns the text of the latest notification, for a polite live region.
 */
export function useLiveNotifications(viewerId: string | undefined): string {
  const client = useApolloClient();
  const [latest, setLatest] = useState('');
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const socket = getSocket();
    if (previous.current !== viewerId) {
      previous.current = viewerId;
      socket.disconnect().connect();
    }
    if (!viewerId) return;
    const onNew = (n: NotificationPayload) => {
      client.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: n.unreadCount } });
      void client.refetchQueries({ include: [NotificationsDocument] });
      setLatest(n.text);
    };
    socket.on('notification:new', onNew);
    return () => {
      socket.off('notification:new', onNew);
    };
  }, [client, viewerId]);
  return latest;
}
