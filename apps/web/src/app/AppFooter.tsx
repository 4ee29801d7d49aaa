import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lazy } from 'react';
import { useLiveConnection } from '../realtime/useLiveConnection';
import { KEEP_CLEAR_OF_SCROLLBAR } from './frame';
import { WithApollo } from './WithApollo';

const AppVersion = lazy(() => import('./ViewerChrome').then((m) => ({ default: m.AppVersion })));

export function AppFooter() {
  const { t } = useTranslation();
  const live = useLiveConnection();
  return (
    <footer className={`frame-footer ${KEEP_CLEAR_OF_SCROLLBAR}`}>
      <Group justify="space-between" gap="xs" h="100%" wrap="nowrap">
        <Group component="nav" aria-label={t('app.footerNavigation')} gap="md" wrap="nowrap">
          <Anchor component={Link} to="/impressum" size="sm">
            {t('nav.imprint')}
          </Anchor>
          <Anchor component={Link} to="/barrierefreiheit" size="sm">
            {t('nav.accessibility')}
          </Anchor>
        </Group>
        <Group gap="md" wrap="nowrap" visibleFrom="sm">
          <Text size="sm" c="gray.7" role="status">
            {live ? t('app.live.connected') : t('app.live.disconnected')}
          </Text>
          <WithApollo>
            <AppVersion />
          </WithApollo>
        </Group>
      </Group>
    </footer>
  );
}
