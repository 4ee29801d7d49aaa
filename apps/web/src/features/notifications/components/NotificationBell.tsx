import { useQuery } from '@apollo/client/react';
import { ActionIcon, Indicator, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnreadNotificationCountDocument } from '../../../gql/graphql';
import { useLiveNotifications } from '../useLiveNotifications';

function BellIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: unread count, updated live; a new notification is also read out politely. */
export function NotificationBell({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadNotificationCountDocument);
  const latest = useLiveNotifications(viewerId);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      {/* The link's name says the count; the badge inside it is for the eye. */}
      <ActionIcon
        component={Link}
        to="/benachrichtigungen"
        variant="subtle"
        size="lg"
        aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      >
        <Indicator label={count > 99 ? '99+' : count} size={16} color="red.9" disabled={count === 0} offset={2}>
          <BellIcon />
        </Indicator>
      </ActionIcon>
      <VisuallyHidden role="status" aria-live="polite">
        {latest ? t('notifications.arrived', { text: latest }) : ''}
      </VisuallyHidden>
    </>
  );
}
