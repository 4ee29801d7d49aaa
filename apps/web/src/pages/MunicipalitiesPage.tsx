import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataAttribution } from '../components/DataAttribution';
import { PageHeading } from '../components/PageHeading';
import { MunicipalitySearch } from '../features/municipalities/components/MunicipalitySearch';

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <PageHeading>{t('municipalities.title')}</PageHeading>
      <Text size="lg">{t('municipalities.intro')}</Text>
      <MunicipalitySearch />
      <DataAttribution />
    </Stack>
  );
}
