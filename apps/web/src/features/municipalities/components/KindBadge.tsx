import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MunicipalityKind } from '../../../gql/graphql';

const COLORS: Record<MunicipalityKind, string> = {
  LAND: 'gray',
  KREISFREIE_STADT: 'grape',
  LANDKREIS: 'teal',
  GEMEINDE: 'blue',
};

export function KindBadge({ kind, isLand }: { kind: MunicipalityKind; isLand?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[kind]} variant="light" radius="sm" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
      {isLand && kind === 'KREISFREIE_STADT' ? t('municipalities.cityState') : t(`municipalities.kind.${kind}`)}
    </Badge>
  );
}
