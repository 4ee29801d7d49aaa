import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Snippet, type SnippetPart } from '../../../components/Snippet';
import type { MaterialFieldsFragment } from '../../../gql/graphql';

/** A material in a list; the snippet's matches are marked with <mark>, its text rendered as text. */
export function MaterialCard({ material, snippet = [] }: { material: MaterialFieldsFragment; snippet?: SnippetPart[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article">
      <Title order={3} size="h5" mb={4}>
        <Anchor component={Link} to={`/materialien/${material.id}`}>
          {material.title}
        </Anchor>
      </Title>
      <Group gap={6} mb={4}>
        <Badge variant="light">{t(`materials.kind.${material.kind}`)}</Badge>
        <Text size="sm" c="gray.7">
          {material.organization.name} · {material.languages.map((l) => t(`materials.language.${l}`)).join(', ')}
          {material.useCount > 0 && ` · ${t('materials.usedCount', { count: material.useCount })}`}
        </Text>
      </Group>
      {snippet.length > 0 ? (
        <Snippet parts={snippet} />
      ) : (
        material.summary && (
          <Text size="sm" lineClamp={2}>
            {material.summary}
          </Text>
        )
      )}
    </Paper>
  );
}
