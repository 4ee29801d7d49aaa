import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { ConceptDocument, ConceptUpstreamChangesDocument, KeepLocalSectionDocument, TakeUpstreamSectionDocument } from '../../../gql/graphql';
import { TextDiff } from './TextDiff';

const COLOR = { UNCHANGED: 'gray.8', UPSTREAM_CHANGED: 'blue.9', LOCAL_CHANGED: 'teal.9', BOTH_CHANGED: 'orange.9' } as const;

/** For an adaptation's drafters: each section compared with the upstream's latest version; take it, or keep one's own. */
export function UpstreamChanges({ conceptId, upstreamTitle }: { conceptId: string; upstreamTitle: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(ConceptUpstreamChangesDocument, { variables: { conceptId } });
  const refetchQueries = [ConceptUpstreamChangesDocument, ConceptDocument];
  const [take, taking] = useMutation(TakeUpstreamSectionDocument, { refetchQueries });
  const [keep, keeping] = useMutation(KeepLocalSectionDocument, { refetchQueries });
  const changes = (data?.conceptUpstreamChanges ?? []).filter((c) => c.state !== 'UNCHANGED');
  return (
    <Stack component="section" aria-labelledby="upstream-changes">
      <Title order={2} size="h3" id="upstream-changes">
        {t('concepts.compareTitle', { title: upstreamTitle })}
      </Title>
      <FormAlert error={taking.error ?? keeping.error} />
      {data && changes.length === 0 && <Text>{t('concepts.nothingChanged')}</Text>}
      {changes.map((c) => {
        const pending = c.state === 'UPSTREAM_CHANGED' || c.state === 'BOTH_CHANGED';
        const input = { variables: { input: { conceptId, sectionId: c.section.id, upstreamVersion: c.upstreamVersion } } };
        return (
          <Paper key={c.section.id} withBorder p="md" component="article" aria-labelledby={`change-${c.section.id}`}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id={`change-${c.section.id}`}>
                {c.section.title}
              </Title>
              <Badge color={COLOR[c.state]} variant="outline">
                {c.addedUpstream ? t('concepts.state.ADDED') : c.removedUpstream ? t('concepts.state.REMOVED') : t(`concepts.state.${c.state}`)}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {c.state !== 'LOCAL_CHANGED' && <TextDiff label={t('concepts.diffUpstream')} from={c.baseText ?? ''} to={c.upstreamText ?? ''} />}
              <TextDiff label={t('concepts.diffLocal')} from={c.upstreamText ?? c.baseText ?? ''} to={c.localText ?? ''} />
            </SimpleGrid>
            {pending && (
              <Group mt="sm">
                <Button onClick={() => void take(input).catch(() => undefined)} loading={taking.loading}>
                  {t('concepts.takeUpstream')}
                </Button>
                <Button variant="outline" onClick={() => void keep(input).catch(() => undefined)} loading={keeping.loading}>
                  {t('concepts.keepLocal')}
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
