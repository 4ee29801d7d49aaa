import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

export function ImprintPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={800} gap="md">
      <PageHeading>{t('imprint.title')}</PageHeading>
      <section>
        <Title order={2} size="h3">
          {t('imprint.aboutTitle')}
        </Title>
        <Text>{t('imprint.about')}</Text>
      </section>
      <section>
        <Title order={2} size="h3">
          {t('imprint.operatorTitle')}
        </Title>
        <Text>{t('imprint.operator')}</Text>
      </section>
      <section>
        <Title order={2} size="h3">
          {t('imprint.dataTitle')}
        </Title>
        <Text mb="xs">{t('imprint.dataIntro')}</Text>
        <List spacing={4} mb="sm">
          <List.Item>{t('imprint.sourceDestatis')}</List.Item>
          <List.Item>{t('imprint.sourceBkg')}</List.Item>
          <List.Item>{t('imprint.sourceBbsr')}</List.Item>
        </List>
        <Text fw={500} data-testid="data-credit">
          {t('imprint.credit')}
        </Text>
        <Text mt="xs">
          <Anchor href="https://www.govdata.de/dl-de/by-2-0">{t('imprint.licenceLink')}</Anchor>
          {' · '}
          <Anchor href="https://www.bkg.bund.de">{t('imprint.bkgLink')}</Anchor>
        </Text>
      </section>
    </Stack>
  );
}
