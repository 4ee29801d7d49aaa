import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { NotificationList } from '../features/notifications/components/NotificationList';
import { NotificationSettings } from '../features/notifications/components/NotificationSettings';

export function NotificationsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  if (loading) return <LoadingState />;
  if (!viewer) return <Navigate to="/anmelden?weiter=/benachrichtigungen" replace />;
  return (
    <Stack maw={800} gap="xl">
      <div>
        <PageHeading>{t('notifications.title')}</PageHeading>
        <NotificationList />
      </div>
      <NotificationSettings />
    </Stack>
  );
}
