import { Anchor, AppShell, Group, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppInfoDocument } from '../gql/graphql';
import { useLiveConnection } from '../realtime/useLiveConnection';

export function AppFooter() {
  const { t } = useTranslation();
  const { data } = useQuery(AppInfoDocument);
  const live = useLiveConnection();
  return (
    <AppShell.Footer px="md" component="footer">
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
          {data && (
            <Text size="sm" c="gray.7">
              {t('app.version', { version: data.appInfo.version })}
            </Text>
          )}
        </Group>
      </Group>
    </AppShell.Footer>
  );
}
