import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { useViewer } from '../features/accounts/useViewer';
import { AdaptForm } from '../features/concepts/components/AdaptForm';
import { CompareVersions } from '../features/concepts/components/CompareVersions';
import { Lineage } from '../features/concepts/components/Lineage';
import { PublishForm } from '../features/concepts/components/PublishForm';
import { SectionList } from '../features/concepts/components/SectionList';
import { UpstreamChanges } from '../features/concepts/components/UpstreamChanges';
import { ConceptDocument } from '../gql/graphql';

const ADAPTABLE = new Set(['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC0_1_0', 'DL_DE_BY_2_0']);

export function ConceptPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(ConceptDocument, { variables: { id }, skip: !viewer });
  // A refetch after a change keeps the page (and its open editors) in place.
  if (viewerLoading || (loading && !data)) return <LoadingState />;
  if (!viewer) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/konzepte/${id}`)}`} replace />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const c = data.concept;
  const latest = c.versions[0];
  const comparing = params.get('abgleich') === '1';
  return (
    <Stack maw={1000} gap="lg">
      <div>
        <PageHeading>{c.title}</PageHeading>
        <Group gap="xs">
          <Badge variant="light">{t(`concepts.status.${c.status}`)}</Badge>
          <Text c="gray.7">
            {c.group ? `${t('concepts.ownerGroup')}: ${c.group.name}` : c.organization?.name} · {t(`materials.licence.${c.licence}`)}
            {latest ? ` · ${t('concepts.version', { number: latest.number })}` : ''}
          </Text>
        </Group>
        {c.summary && <Text mt="sm">{c.summary}</Text>}
        <Group gap="xs" mt="sm">
          <Button component="a" href={`/concepts/${c.id}/export.docx`} variant="light">
            {t('concepts.exportDocx')}
          </Button>
          <Button component="a" href={`/concepts/${c.id}/export.pdf`} variant="light">
            {t('concepts.exportPdf')}
          </Button>
        </Group>
      </div>
      {c.showingVersion && <Alert color="gray">{t('concepts.showingVersion', { number: c.showingVersion })}</Alert>}
      {c.upstream && (
        <Alert color={c.upstream.pendingSections > 0 ? 'blue' : 'gray'} title={t('concepts.adaptationTitle')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('concepts.adaptationOf', { title: c.upstream.concept.title, version: c.upstream.adaptedFromVersion })}{' '}
              <Anchor component={Link} to={`/konzepte/${c.upstream.concept.id}`}>
                {t('concepts.openUpstream')}
              </Anchor>
            </Text>
            {c.editable && c.upstream.pendingSections > 0 && (
              <>
                <Text size="sm">{t('concepts.pending', { count: c.upstream.pendingSections, version: c.upstream.latestVersion })}</Text>
                {!comparing && (
                  <Button size="compact-md" w="fit-content" onClick={() => setParams({ abgleich: '1' })}>
                    {t('concepts.compare')}
                  </Button>
                )}
              </>
            )}
          </Stack>
        </Alert>
      )}
      {c.editable && c.upstream && comparing && <UpstreamChanges conceptId={c.id} upstreamTitle={c.upstream.concept.title} />}
      <SectionList conceptId={c.id} sections={c.sections} editable={c.editable} adapted={c.adaptationCount > 0} />
      {c.editable && c.status !== 'ARCHIVED' && <PublishForm conceptId={c.id} next={(latest?.number ?? 0) + 1} />}
      {/* A jointly drafted concept is adapted by each member's own organisation, as the study recommends. */}
      {/* The licence a version was published under decides, whatever its drafters chose since. */}
      {latest && ADAPTABLE.has(latest.licence) && (!c.editable || c.group) && (
        <AdaptForm conceptId={c.id} versionId={latest.id} number={latest.number} ownerOrganizationId={c.organization?.id ?? null} />
      )}
      {c.versions.length > 0 && (
        <Stack component="section" aria-labelledby="versions" gap="xs">
          <Title order={2} size="h4" id="versions">
            {t('concepts.versions')}
          </Title>
          <List>
            {c.versions.map((v) => (
              <List.Item key={v.id}>
                {t('concepts.version', { number: v.number })} · {format.berlinDate(v.publishedAt)}
                {v.publishedBy ? ` · ${v.publishedBy.name}` : ''} · {t(`materials.licence.${v.licence}`)} · {v.note}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {c.versions.length > 1 && <CompareVersions conceptId={c.id} numbers={c.versions.map((v) => v.number)} />}
      <Lineage conceptId={c.id} latestVersion={latest?.number ?? 0} />
    </Stack>
  );
}
