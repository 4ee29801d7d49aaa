import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormAlert } from '../../../components/FormAlert';
import { useViewer } from '../../accounts/useViewer';
import { CollabStatusLine } from '../../../collab/CollabStatusLine';
import { useRoomDocs } from '../../../collab/useRoomDocs';
import { SectionAdaptations } from './SectionAdaptations';
import { SectionComments } from './SectionComments';
import {
  AddConceptMeasureDocument,
  AddConceptSectionDocument,
  ConceptCommentsDocument,
  ConceptDocument,
  type ConceptQuery,
  MoveConceptSectionDocument,
  RemoveConceptMeasureDocument,
  RemoveConceptSectionDocument,
  RenameConceptSectionDocument,
} from '../../../gql/graphql';

type Section = ConceptQuery['concept']['sections'][number];

const SectionEditor = lazy(() => import('../../../collab/SectionEditor'));

function SectionText({ section }: { section: Section }) {
  const { t } = useTranslation();
  if (!section.text) return <Text c="gray.7">{t('concepts.emptySection')}</Text>;
  return section.text
    .split('\n')
    .filter(Boolean)
    .map((p, j) => (
      <Text key={j} mb="xs">
        {p}
      </Text>
    ));
}

function Measures({ conceptId, section, editable }: { conceptId: string; section: Section; editable: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [responsible, setResponsible] = useState('');
  const [timeline, setTimeline] = useState('');
  const refetchQueries = [ConceptDocument];
  const [add, adding] = useMutation(AddConceptMeasureDocument, { refetchQueries });
  const [remove, removing] = useMutation(RemoveConceptMeasureDocument, { refetchQueries });
  if (!editable && section.measures.length === 0) return null;
  return (
    <Stack gap="xs">
      {section.measures.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Caption c="gray.7">{t('concepts.measuresOf', { title: section.title })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('concepts.measure')}</Table.Th>
                <Table.Th scope="col">{t('concepts.responsible')}</Table.Th>
                <Table.Th scope="col">{t('concepts.timeline')}</Table.Th>
                <Table.Th scope="col">{t('concepts.measureStatus')}</Table.Th>
                {editable && <Table.Th scope="col">{t('concepts.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.measures.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.title}</Table.Td>
                  <Table.Td>{m.responsible}</Table.Td>
                  <Table.Td>{m.timeline}</Table.Td>
                  <Table.Td>{t(`concepts.measureStatuses.${m.status}`)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        c="red.9"
                        loading={removing.loading}
                        aria-label={t('concepts.removeMeasure', { title: m.title })}
                        onClick={() => void remove({ variables: { input: { conceptId, measureId: m.id } } }).catch(() => undefined)}
                      >
                        {t('concepts.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && !open && (
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => setOpen(true)}
          aria-label={t('concepts.addMeasureTo', { title: section.title })}
        >
          {t('concepts.addMeasure')}
        </Button>
      )}
      {editable && open && (
        <Group
          component="form"
          aria-label={t('concepts.addMeasureTo', { title: section.title })}
          align="flex-end"
          onSubmit={(e) => {
            e.preventDefault();
            void add({ variables: { input: { conceptId, sectionId: section.id, title, responsible, timeline } } })
              .then(() => {
                setTitle('');
                setResponsible('');
                setTimeline('');
                setOpen(false);
              })
              .catch(() => undefined);
          }}
        >
          <TextInput label={t('concepts.measure')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput label={t('concepts.responsible')} value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} />
          <TextInput label={t('concepts.timeline')} value={timeline} onChange={(e) => setTimeline(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={adding.loading}>
            {t('concepts.addMeasure')}
          </Button>
          <FormAlert error={adding.error ?? removing.error} />
        </Group>
      )}
    </Stack>
  );
}

function SectionTools({ conceptId, section, index, count }: { conceptId: string; section: Section; index: number; count: number }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  const refetchQueries = [ConceptDocument];
  const [move, moved] = useMutation(MoveConceptSectionDocument, { refetchQueries });
  const [rename, renamed] = useMutation(RenameConceptSectionDocument, { refetchQueries });
  const [remove, removed] = useMutation(RemoveConceptSectionDocument, { refetchQueries });
  const ids = { conceptId, sectionId: section.id };
  if (renaming) {
    return (
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          void rename({ variables: { input: { ...ids, title } } })
            .then(() => setRenaming(false))
            .catch(() => undefined);
        }}
      >
        <TextInput label={t('concepts.sectionTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Button type="submit" size="compact-md" loading={renamed.loading}>
          {t('concepts.save')}
        </Button>
        <FormAlert error={renamed.error} />
      </Group>
    );
  }
  return (
    <Group gap={4}>
      <ActionIcon
        variant="subtle"
        disabled={index === 0}
        aria-label={t('concepts.moveUp', { title: section.title })}
        onClick={() => void move({ variables: { input: { ...ids, position: index - 1 } } }).catch(() => undefined)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        disabled={index === count - 1}
        aria-label={t('concepts.moveDown', { title: section.title })}
        onClick={() => void move({ variables: { input: { ...ids, position: index + 1 } } }).catch(() => undefined)}
      >
        ↓
      </ActionIcon>
      <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(true)} aria-label={t('concepts.renameSection', { title: section.title })}>
        {t('concepts.rename')}
      </Button>
      <ConfirmButton
        size="compact-sm"
        loading={removed.loading}
        aria-label={t('concepts.removeSection', { title: section.title })}
        title={t('concepts.removeSection', { title: section.title })}
        question={t('concepts.removeSectionQuestion', { title: section.title })}
        confirmLabel={t('concepts.removeSectionYes')}
        onConfirm={() => void remove({ variables: { input: ids } }).catch(() => undefined)}
      >
        {t('concepts.remove')}
      </ConfirmButton>
      <FormAlert error={moved.error ?? removed.error} />
    </Group>
  );
}

/** The sections in order, with their text and measures; drafters also rearrange them. */
export function SectionList({ conceptId, sections, editable, adapted }: { conceptId: string; sections: Section[]; editable: boolean; adapted: boolean }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [add, added] = useMutation(AddConceptSectionDocument, { refetchQueries: [ConceptDocument] });
  const comments = useQuery(ConceptCommentsDocument, { variables: { conceptId }, skip: !editable });
  const { viewer } = useViewer();
  const { sync, status } = useRoomDocs(`concept:${conceptId}`, viewer, editable);
  return (
    <Stack>
      {editable && (
        <Group justify="space-between">
          <Text c="gray.7">{t('concepts.writeTogether')}</Text>
          <CollabStatusLine status={status} />
        </Group>
      )}
      {sections.length === 0 && <Text c="gray.7">{t('concepts.noSections')}</Text>}
      {sections.map((s, i) => (
        <Paper key={s.id} withBorder p="md" component="section" aria-labelledby={`section-${s.id}`}>
          <Group justify="space-between" align="flex-start" mb="xs">
            <Title order={2} size="h4" id={`section-${s.id}`}>
              {s.title}
            </Title>
            {editable && <SectionTools conceptId={conceptId} section={s} index={i} count={sections.length} />}
          </Group>
          {editable && sync ? (
            <Suspense fallback={<SectionText section={s} />}>
              <SectionEditor
                sync={sync}
                docId={s.id}
                title={s.title}
                label={t('concepts.sectionText', { title: s.title })}
                full={sync.isFull(s.id)}
                readOnly={status === 'refused' || sync.isFull(s.id) || sync.isGone(s.id)}
              />
              {sync.isGone(s.id) && (
                <Text role="status" c="orange.9" mt="xs">
                  {t('concepts.sectionGone')}
                </Text>
              )}
            </Suspense>
          ) : (
            <SectionText section={s} />
          )}
          <Measures conceptId={conceptId} section={s} editable={editable} />
          {adapted && <SectionAdaptations conceptId={conceptId} sectionId={s.id} />}
          {editable && comments.data && (
            <SectionComments
              conceptId={conceptId}
              sectionId={s.id}
              sectionTitle={s.title}
              comments={comments.data.conceptComments.filter((c) => c.sectionId === s.id)}
            />
          )}
        </Paper>
      ))}
      {editable && (
        <Group
          component="form"
          aria-label={t('concepts.addSection')}
          align="flex-end"
          onSubmit={(e) => {
            e.preventDefault();
            void add({ variables: { input: { conceptId, title } } })
              .then(() => setTitle(''))
              .catch(() => undefined);
          }}
        >
          <TextInput label={t('concepts.sectionTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={added.loading}>
            {t('concepts.addSection')}
          </Button>
          <FormAlert error={added.error} />
        </Group>
      )}
    </Stack>
  );
}
