import { useQuery } from '@apollo/client/react';
import { Anchor, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../components/useUrlParams';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { CooperationMap } from '../features/insights/components/CooperationMap';
import { UrbanisationSplit } from '../features/insights/components/UrbanisationSplit';
import { CooperationOverviewDocument } from '../gql/graphql';

const LANDS = Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Where neighbours work together across Kreis borders, for Germany or one Land: the study's figures, live. */
export function InsightsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, set] = useUrlParams();
  const land = LANDS.includes(params.get('land') ?? '') ? params.get('land') : null;
  const citiesOnly = params.get('paare') === 'stadt-land';
  const { data, previousData, loading, error, refetch } = useQuery(CooperationOverviewDocument, { variables: { land } });
  const o = (data ?? previousData)?.cooperationOverview;
  if (loading && !o) return <LoadingState />;
  if (error || !o) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${format.number(share * 100, 1)} %`);
  const figures = [
    {
      label: t('insights.overview.kreisPairs'),
      share: o.borderingKreisShare,
      detail: t('insights.overview.of', { part: o.borderingKreisPairsCooperating, whole: o.borderingKreisPairs }),
    },
    {
      label: t('insights.overview.cityPairs'),
      share: o.landkreisCityShare,
      detail: t('insights.overview.of', { part: o.landkreisCityPairsCooperating, whole: o.landkreisCityPairs }),
    },
    {
      label: t('insights.overview.gemeinden'),
      share: o.gemeindenBeyondKreisShare,
      detail: t('insights.overview.of', { part: o.gemeindenBeyondKreis, whole: o.gemeindenActive }),
    },
  ];
  const links = citiesOnly ? o.links.filter((l) => l.landkreisAndCity) : o.links;
  return (
    <Stack maw={1000}>
      <PageHeading>{t('insights.overview.title')}</PageHeading>
      <Text c="gray.7">{t('insights.overview.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('insights.overview.land')}
          placeholder={t('insights.overview.germany')}
          clearable
          data={LANDS.map((code) => ({ value: code, label: t(`lands.${code}`) }))}
          value={land}
          onChange={(v) => set('land', v)}
        />
        <Checkbox
          label={t('insights.overview.citiesOnly')}
          checked={citiesOnly}
          onChange={(e) => set('paare', e.currentTarget.checked ? 'stadt-land' : null)}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {figures.map((f) => (
          <Paper key={f.label} withBorder p="md">
            <Text size="sm">{f.label}</Text>
            <Text fz={28} fw={700}>
              {percent(f.share)}
            </Text>
            <Text size="sm" c="gray.7">
              {f.detail}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <CooperationMap
        links={links}
        linkCount={o.linkCount}
        kreise={o.kreise}
        label={t('insights.map.label', { area: land ? t(`lands.${land}`) : t('insights.overview.germany') })}
      />
      <UrbanisationSplit rows={o.byUrbanisation} labels={[figures[0]!.label, figures[1]!.label, figures[2]!.label]} />
      {o.series.length > 0 && (
        <section aria-labelledby="series">
          <Title order={2} size="h4" id="series" mb="xs">
            {t('insights.overview.series')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('insights.overview.month')}</Table.Th>
                {figures.map((f) => (
                  <Table.Th key={f.label}>{f.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.series.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{format.month(m.month)}</Table.Td>
                  <Table.Td>{percent(m.borderingKreisShare)}</Table.Td>
                  <Table.Td>{percent(m.landkreisCityShare)}</Table.Td>
                  <Table.Td>{percent(m.gemeindenBeyondKreisShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      <Text size="sm">
        {t('insights.overview.download')} <Anchor href="/data/cooperation.csv">CSV</Anchor> · <Anchor href="/data/cooperation.json">JSON</Anchor>
        {o.refreshedAt && ` · ${t('insights.overview.refreshed', { date: format.dateTime(o.refreshedAt) })}`}
      </Text>
      <Text size="sm" c="gray.7">
        {t('insights.overview.method')}
      </Text>
    </Stack>
  );
}
