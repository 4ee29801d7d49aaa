import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Snippet, type SnippetPart } from '../../../components/Snippet';
import type { ConceptFieldsFragment } from '../../../gql/graphql';

/** A concept in a list: status, owner, latest version, and where it came from. */
export function ConceptCard({ concept, snippet = [] }: { concept: ConceptFieldsFragment; snippet?: SnippetPart[] }) {
  const { t } = useTranslation();
  const latest = concept.versions[0];
  return (
    <Paper withBorder p="md" component="article">
      <Title order={3} size="h5" mb={4}>
        <Anchor component={Link} to={`/konzepte/${concept.id}`}>
          {concept.title}
        </Anchor>
      </Title>
      <Group gap={6} mb={4}>
        <Badge variant="light" color={concept.status === 'PUBLISHED' ? 'verbund' : 'gray'}>
          {t(`concepts.status.${concept.status}`)}
        </Badge>
        <Text size="sm" c="gray.7">
          {concept.group?.name ?? concept.organization?.name}
          {latest ? ` · ${t('concepts.version', { number: latest.number })}` : ''}
          {concept.adaptationCount > 0 ? ` · ${t('concepts.adaptedBy', { count: concept.adaptationCount })}` : ''}
        </Text>
      </Group>
      {concept.upstream && (
        <Text size="sm" c="gray.7">
          {t('concepts.adaptationOf', { title: concept.upstream.concept.title, version: concept.upstream.adaptedFromVersion })}
        </Text>
      )}
      {snippet.length > 0 ? (
        <Snippet parts={snippet} />
      ) : (
        concept.summary && (
          <Text size="sm" lineClamp={2}>
            {concept.summary}
          </Text>
        )
      )}
    </Paper>
  );
}
