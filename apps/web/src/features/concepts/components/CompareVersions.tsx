import { useQuery } from '@apollo/client/react';
import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConceptVersionSectionsDocument } from '../../../gql/graphql';
import { TextDiff } from './TextDiff';

/** Any two published versions side by side, section by section (matched by their stable ids). */
export function CompareVersions({ conceptId, numbers }: { conceptId: string; numbers: number[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(numbers[1] ?? numbers[0]!);
  const [to, setTo] = useState(numbers[0]!);
  // Not cached: a section has one id in every version, and the cache would merge the versions into one.
  const older = useQuery(ConceptVersionSectionsDocument, { variables: { conceptId, number: from }, fetchPolicy: 'no-cache' });
  const newer = useQuery(ConceptVersionSectionsDocument, { variables: { conceptId, number: to }, fetchPolicy: 'no-cache' });
  const options = numbers.map((n) => ({ value: String(n), label: t('concepts.version', { number: n }) }));
  const a = older.data?.conceptVersionSections ?? [];
  const b = newer.data?.conceptVersionSections ?? [];
  const ids = [...new Set([...b.map((s) => s.id), ...a.map((s) => s.id)])];
  const changed = ids
    .map((id) => ({ id, before: a.find((s) => s.id === id), after: b.find((s) => s.id === id) }))
    .filter(({ before, after }) => before?.title !== after?.title || before?.text !== after?.text);
  return (
    <Stack component="section" aria-labelledby="compare-versions" gap="xs">
      <Title order={2} size="h4" id="compare-versions">
        {t('concepts.compareVersions')}
      </Title>
      <Group>
        <NativeSelect label={t('concepts.from')} data={options} value={String(from)} onChange={(e) => setFrom(Number(e.currentTarget.value))} />
        <NativeSelect label={t('concepts.to')} data={options} value={String(to)} onChange={(e) => setTo(Number(e.currentTarget.value))} />
      </Group>
      {older.data && newer.data && changed.length === 0 && <Text>{t('concepts.noDifferences')}</Text>}
      {changed.map(({ id, before, after }) => (
        <TextDiff key={id} label={after?.title ?? before?.title ?? ''} from={before?.text ?? ''} to={after?.text ?? ''} />
      ))}
    </Stack>
  );
}
