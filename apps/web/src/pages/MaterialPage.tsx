import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, FileInput, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { uploadFile } from '../features/materials/upload';
import { useUploadLimitMb } from '../features/materials/useUploadLimit';
import { KreisMap } from '../features/municipalities/components/KreisMap';
import { AddMaterialVersionDocument, MarkMaterialUsedDocument, MaterialDetailDocument } from '../gql/graphql';

function NewVersion({ materialId }: { materialId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [uploadError, setUploadError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);
  const [add, { loading, error }] = useMutation(AddMaterialVersionDocument);
  const uploadLimit = useUploadLimitMb();
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('materials.addVersion')}
      onSubmit={(e) => {
        e.preventDefault();
        // A second click while the file is still on its way would upload it again as another version.
        if (!file || uploading) return;
        setUploadError(undefined);
        setUploading(true);
        void uploadFile(file)
          .then((u) => add({ variables: { input: { materialId, uploadId: u.id, note } } }))
          .then(() => {
            setFile(null);
            setNote('');
          })
          .catch((err: unknown) => setUploadError(err))
          .finally(() => setUploading(false));
      }}
    >
      <Title order={3} size="h5">
        {t('materials.addVersion')}
      </Title>
      <FileInput label={t('materials.fileLabel', { mb: uploadLimit })} required value={file} onChange={setFile} />
      <TextInput label={t('materials.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <FormAlert error={uploadError ?? error} />
      <Button type="submit" loading={uploading || loading} variant="outline">
        {t('materials.addVersionSubmit')}
      </Button>
    </Stack>
  );
}

export function MaterialPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(MaterialDetailDocument, { variables: { id } });
  const [mark, marking] = useMutation(MarkMaterialUsedDocument);
  const m = data?.material;

  if (loading && !data) return <LoadingState />;
  const missing = CombinedGraphQLErrors.is(error) && error.errors.some((e) => ['NOT_FOUND', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)));
  if (error && !missing) return <ErrorState onRetry={() => void refetch()} />;
  if (!m)
    return (
      <Alert color="gray" title={t('notFound.title')}>
        {t('materials.signIn')}
      </Alert>
    );

  const current = m.currentVersion;
  const kreise = [...new Set(m.usedBy.map((u) => (u.isKreis ? u.ags : u.ags.slice(0, 5))))];
  return (
    <Stack maw={1100} gap="lg">
      <div>
        <PageHeading>{m.title}</PageHeading>
        <Group gap="xs">
          <Badge variant="light">{t(`materials.kind.${m.kind}`)}</Badge>
          <Text c="gray.7">
            {m.organization.name}
            {m.groupName && (
              <>
                {' '}
                ·{' '}
                <Anchor component={Link} to={`/arbeitsgruppen/${m.groupId}`}>
                  {m.groupName}
                </Anchor>
              </>
            )}
          </Text>
        </Group>
      </div>
      {m.summary && <Text size="lg">{m.summary}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text size="sm">
          <strong>{t('materials.topicsLabel')}:</strong> {m.topics.map((k) => t(`topics.${k}`)).join(', ')}
        </Text>
        <Text size="sm">
          <strong>{t('materials.languages')}:</strong> {m.languages.map((l) => t(`materials.language.${l}`)).join(', ')}
        </Text>
        <Text size="sm">
          <strong>{t('materials.licenceLabel')}:</strong> {t(`materials.licence.${m.licence}`)}
        </Text>
        <Text size="sm">
          <strong>{t('materials.visibilityLabel')}</strong> {t(`materials.visibility.${m.visibility}`)}
        </Text>
      </SimpleGrid>
      <Group>
        <Button component="a" href={current.downloadUrl} download>
          {t('materials.download')}
          {current.fileName ? ` (${current.fileName})` : ''}
        </Button>
        <Button
          variant={m.usedByViewer ? 'light' : 'outline'}
          loading={marking.loading}
          onClick={() => void mark({ variables: { id: m.id, used: !m.usedByViewer } }).catch(() => undefined)}
        >
          {m.usedByViewer ? t('materials.usefulUndo') : t('materials.useful')}
        </Button>
      </Group>
      <FormAlert error={marking.error} />
      {current.html && (
        <section aria-labelledby="content-title">
          {/* The text's own headings start at h3 (renderMarkdown): this one keeps the outline whole. */}
          <Title order={2} size="h3" id="content-title" mb="xs">
            {t('materials.content')}
          </Title>
          <Paper withBorder p="md">
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: current.html }} />
            </Typography>
          </Paper>
        </section>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <section aria-labelledby="used-title">
          <Title order={2} size="h3" id="used-title" mb="xs">
            {t('materials.usedBy')}
          </Title>
          {m.usedBy.length ? (
            <>
              <List mb="sm">
                {m.usedBy.map((u) => (
                  <List.Item key={u.id}>
                    <Anchor component={Link} to={`/kommunen/${u.ags}`}>
                      {u.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
              <KreisMap
                name={t('materials.mapLabel', { name: m.title })}
                highlighted={kreise}
                neighbours={[]}
                overview={{ legend: t('materials.mapLegend') }}
              />
            </>
          ) : (
            <Text c="gray.7">{t('materials.usedByNone')}</Text>
          )}
        </section>
        <section aria-labelledby="versions-title">
          <Title order={2} size="h3" id="versions-title" mb="xs">
            {t('materials.versions')}
          </Title>
          <List listStyleType="none" p={0} spacing="xs" mb="md">
            {m.versions.map((v) => (
              <List.Item key={v.number}>
                <Anchor href={v.downloadUrl} download>
                  {t('materials.version', { number: v.number })}
                  {v.fileName ? ` – ${v.fileName}` : ''}
                </Anchor>
                <Text size="sm" c="gray.7">
                  {t('materials.versionBy', { name: v.createdBy.name, date: format.dateTime(v.createdAt) })}
                  {v.note ? ` – ${v.note}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
          {m.viewerCanEdit && <NewVersion materialId={m.id} />}
        </section>
      </SimpleGrid>
    </Stack>
  );
}
