import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountMenu } from '../features/accounts/components/AccountMenu';
import { useViewer } from '../features/accounts/useViewer';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { AppInfoDocument } from '../gql/graphql';
import { useSessionSocket } from '../realtime/useSessionSocket';
import { NavItem } from './NavItem';

/*
 * The parts of the frame that need the server's data (who is signed in, the version). They arrive with Apollo,
 * after the first paint (the frame loads them lazily), so that the frame and the page can show before.
 */

/** The header's bell and account links; the live connection follows the signed-in person. */
export function ViewerTools() {
  const { viewer, loading } = useViewer();
  useSessionSocket(viewer?.id, loading);
  return (
    <>
      {viewer && <NotificationBell viewerId={viewer.id} />}
      <AccountMenu />
    </>
  );
}

/** The navigation entries only a signed-in person has. */
export function ViewerNavLinks({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <>
      <NavItem to="/konto" label={viewer.name} active={pathname === '/konto'} hiddenFrom="sm" />
      <NavItem to="/anfragen" label={t('account.requests')} active={pathname === '/anfragen'} />
      {viewer.platformRole === 'ADMIN' && <NavItem to="/verwaltung" label={t('admin.nav')} active={pathname === '/verwaltung'} />}
    </>
  );
}

export function AppVersion() {
  const { t } = useTranslation();
  const { data } = useQuery(AppInfoDocument);
  if (!data) return null;
  return (
    <Text size="sm" c="gray.7">
      {t('app.version', { version: data.appInfo.version })}
    </Text>
  );
}
