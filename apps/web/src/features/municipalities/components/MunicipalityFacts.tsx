import { Anchor, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/useFormat';
import type { MunicipalityDetailQuery } from '../../../gql/graphql';

type Detail = NonNullable<MunicipalityDetailQuery['municipality']>;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

const SHARE_OF = { DICHT: 'dicht', MITTEL: 'mittel', GERING: 'gering' } as const;

/** "ländlich geprägt: 78 % der Einwohner in gering besiedelten Gemeinden" for a Kreis or Land; the class for a Gemeinde. */
function structureInWords(t: TFunction, m: Detail, percent: (share: number) => string): string {
  const u = m.urbanisation!;
  if (!m.urbanisationShares || m.isGemeinde) return t(`municipalities.urbanisation.${u}`);
  return t(`municipalities.urbanisation.shaped.${u}`, { share: percent(m.urbanisationShares[SHARE_OF[u]]) });
}

export function MunicipalityFacts({ m }: { m: Detail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kreis = m.parent && m.parent.kind !== 'LAND' ? m.parent : null;
  return (
    <>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
        <Fact term={t('municipalities.facts.designation')}>
          {m.designation}
          {m.title && m.title !== m.designation ? ` (${m.title})` : ''}
        </Fact>
        <Fact term={t('municipalities.facts.officialName')}>{m.officialName}</Fact>
        {m.land && m.land.id !== m.id && (
          <Fact term={t('municipalities.facts.land')}>
            <Anchor component={Link} to={`/kommunen/${m.land.ags}`}>
              {m.land.name}
            </Anchor>
          </Fact>
        )}
        {kreis && (
          <Fact term={t('municipalities.facts.kreis')}>
            <Anchor component={Link} to={`/kommunen/${kreis.ags}`}>
              {kreis.name}
            </Anchor>
          </Fact>
        )}
        <Fact term={t('municipalities.facts.population')}>{format.number(m.population)}</Fact>
        <Fact term={t('municipalities.facts.area')}>{t('municipalities.facts.areaValue', { value: format.number(m.areaKm2, 2) })}</Fact>
        <Fact term={t('municipalities.facts.density')}>{format.number(m.population / Math.max(m.areaKm2, 0.01))}</Fact>
        {m.urbanisation && <Fact term={t('municipalities.facts.structure')}>{structureInWords(t, m, format.percent)}</Fact>}
        <Fact term={t('municipalities.facts.ags')}>{m.ags}</Fact>
        {m.postcode && <Fact term={t('municipalities.facts.postcode')}>{m.postcode}</Fact>}
        {m.gemeindeverband && <Fact term={t('municipalities.facts.verband')}>{m.gemeindeverband}</Fact>}
      </SimpleGrid>
      <Text size="xs" c="gray.7" mt="xs">
        {t('municipalities.facts.stand', { date: format.date(m.gebietsstand), populationDate: format.date(m.populationDate) })}
      </Text>
    </>
  );
}
