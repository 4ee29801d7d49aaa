import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

/**
 * A page that failed to load or render. Reloading is the remedy: a chunk that failed to arrive stays failed until
 * then, and a tab opened before an update asks for files the server no longer has.
 */
export function PageFailed() {
  const { t } = useTranslation();
  return (
    <Stack role="alert" gap="sm" align="flex-start" maw={640}>
      <PageHeading>{t('state.errorTitle')}</PageHeading>
      <Text>{t('state.errorText')}</Text>
      <Button variant="outline" onClick={() => window.location.reload()}>
        {t('state.retry')}
      </Button>
    </Stack>
  );
}
