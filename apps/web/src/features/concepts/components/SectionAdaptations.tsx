import { useLazyQuery } from '@apollo/client/react';
import { Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionAdaptationsDocument } from '../../../gql/graphql';

/** "Who adapted this section, and how": one click away, loaded on demand. */
export function SectionAdaptations({ conceptId, sectionId }: { conceptId: string; sectionId: string }) {
  const { t } = useTranslation();
  const [load, { data, called, loading }] = useLazyQuery(SectionAdaptationsDocument);
  if (!called) {
    return (
      <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => void load({ variables: { conceptId, sectionId } })}>
        {t('concepts.whoAdapted')}
      </Button>
    );
  }
  const rows = data?.sectionAdaptations ?? [];
  return (
    <Stack gap={4} aria-busy={loading}>
      <Text size="sm" fw={600}>
        {t('concepts.whoAdapted')}
      </Text>
      {data && rows.length === 0 && <Text size="sm">{t('concepts.noAdaptations')}</Text>}
      <List size="sm">
        {rows.map((r) => (
          <List.Item key={r.concept.id}>
            <Anchor component={Link} to={`/konzepte/${r.concept.id}`}>
              {r.organization?.name ?? r.concept.title}
            </Anchor>
            {': '}
            {r.removed ? t('concepts.sectionRemoved') : r.adapted ? `${t('concepts.sectionAdapted')} – ${r.text}` : t('concepts.sectionTaken')}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
