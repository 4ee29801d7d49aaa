import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Urbanisation } from '../gql/graphql';

export const URBANISATIONS: Urbanisation[] = ['DICHT', 'MITTEL', 'GERING'] as Urbanisation[];

/** "Stadt / Land": where people look for experience from places like theirs (Destatis' degree of urbanisation). */
export function UrbanisationSelect({ value, onChange }: { value: Urbanisation[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('municipalities.urbanisation.filter')}
      placeholder={value.length ? undefined : t('municipalities.urbanisation.filterAll')}
      data={URBANISATIONS.map((u) => ({ value: u, label: t(`municipalities.urbanisation.options.${u}`) }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** The URL's comma list, kept to the known classes. */
export const urbanisationParam = (value: string | null): Urbanisation[] =>
  (value ?? '').split(',').filter((u): u is Urbanisation => (URBANISATIONS as string[]).includes(u));
