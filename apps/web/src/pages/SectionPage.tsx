import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../app/navigation';
import { PageHeading } from '../components/PageHeading';

/** A main section whose feature is not built yet: says what it will hold. */
export function SectionPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <Stack maw={800}>
      <PageHeading>{t(`nav.${section}`)}</PageHeading>
      <Text size="lg">{t(`sections.${section}`)}</Text>
      <Alert variant="light" color="gray">
        {t('sections.comingSoon')}
      </Alert>
    </Stack>
  );
}
