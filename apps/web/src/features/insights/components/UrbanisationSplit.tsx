import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/useFormat';
import type { CooperationOverviewQuery } from '../../../gql/graphql';

type Split = CooperationOverviewQuery['cooperationOverview']['byUrbanisation'][number];

/** The three figures for dicht, mittel and gering besiedelte places: the study's comparison of town and country. */
export function UrbanisationSplit({ rows, labels }: { rows: Split[]; labels: [string, string, string] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = (share: number | null, part: number, whole: number) => (
    <Table.Td>
      <Text fw={600}>{share === null ? '–' : `${format.number(share * 100, 1)} %`}</Text>
      <Text size="sm" c="gray.7">
        {t('insights.overview.of', { part, whole })}
      </Text>
    </Table.Td>
  );
  return (
    <section aria-labelledby="stadt-land">
      <Title order={2} size="h4" id="stadt-land" mb="xs">
        {t('insights.overview.byUrbanisation')}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('insights.overview.byUrbanisationIntro')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insights.overview.class')}</Table.Th>
              {labels.map((label) => (
                <Table.Th key={label}>{label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.urbanisation}>
                <Table.Th scope="row">{t(`municipalities.urbanisation.${r.urbanisation}`)}</Table.Th>
                {cell(r.borderingKreisShare ?? null, r.borderingKreisPairsCooperating, r.borderingKreisPairs)}
                {cell(r.landkreisCityShare ?? null, r.landkreisCityPairsCooperating, r.landkreisCityPairs)}
                {cell(r.gemeindenBeyondKreisShare ?? null, r.gemeindenBeyondKreis, r.gemeindenActive)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
