import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchMunicipalitiesDocument } from '../../../gql/graphql';

/** Pick a Landkreis or kreisfreie Stadt by name; the value is its key. */
export function KreisSelect({ value, onChange }: { value: string | null; onChange: (ags: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const { data, previousData } = useQuery(SearchMunicipalitiesDocument, { variables: { search: debounced || null, first: 40 }, skip: debounced.length < 2 });
  const options = ((data ?? previousData)?.municipalities.nodes ?? []).filter((m) => m.isKreis).map((m) => ({ value: m.ags, label: m.name }));
  return (
    <Select
      label={t('groups.kreis')}
      placeholder={t('groups.kreisPlaceholder')}
      searchable
      required
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={debounced.length >= 2 ? t('groups.none') : undefined}
    />
  );
}
