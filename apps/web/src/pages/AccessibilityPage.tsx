import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

const PARTS = ['status', 'known', 'prepared', 'feedback'] as const;

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={800} gap="md">
      <PageHeading>{t('a11y.title')}</PageHeading>
      <Text>{t('a11y.intro')}</Text>
      {PARTS.map((part) => (
        <section key={part}>
          <Title order={2} size="h3">
            {t(`a11y.${part}Title`)}
          </Title>
          <Text>{t(`a11y.${part}`)}</Text>
        </section>
      ))}
      <section>
        <Title order={2} size="h3">
          {t('a11y.enforcementTitle')}
        </Title>
        <Text>
          {t('a11y.enforcement')} <Anchor href="https://www.schlichtungsstelle-bgg.de">{t('a11y.enforcementLink')}</Anchor>
        </Text>
      </section>
    </Stack>
  );
}
