import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenTo } from '../../../gql/graphql';

interface Props {
  openTo: OpenTo;
  openLandCode: string | null | undefined;
  home: { name: string } | null | undefined;
  municipalities: { ags: string; name: string }[];
  alsoFor?: { name: string }[];
}

/** Whom it is open to, in words, naming the municipalities where they are few enough to read. */
export function OpenToText({ openTo, openLandCode, home, municipalities, alsoFor = [] }: Props) {
  const { t } = useTranslation();
  const names = municipalities.map((m) => m.name);
  const listed = names.length > 12 ? t('events.openTo.many', { names: names.slice(0, 12).join(', '), count: names.length - 12 }) : names.join(', ');
  return (
    <Text size="sm">
      {t(`events.openTo.text.${openTo}`, { home: home?.name ?? '', land: t(`lands.${openLandCode ?? ''}`, { defaultValue: openLandCode ?? '' }) })}
      {openTo !== 'OWN' && names.length > 0 && `: ${listed}`}
      {alsoFor.length > 0 && ` ${t('events.openTo.alsoFor', { names: alsoFor.map((a) => a.name).join(', ') })}`}
    </Text>
  );
}
