import { Paper, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CollabStatusLine } from '../../../collab/CollabStatusLine';
import { useRoomDocs } from '../../../collab/useRoomDocs';
import { LoadingState } from '../../../components/LoadingState';

const SectionEditor = lazy(() => import('../../../collab/SectionEditor'));

/** The date's shared notes, written together like a concept's sections; they start with the agenda as headings. */
export function RoomNotes({ roundId, viewer }: { roundId: string; viewer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { sync, status } = useRoomDocs(`round:${roundId}`, viewer, true);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-notes">
      <Title order={2} size="h4" id="room-notes" mb="xs">
        {t('room.notes')}
      </Title>
      <CollabStatusLine status={status} />
      {sync && (
        <Suspense fallback={<LoadingState />}>
          <SectionEditor
            sync={sync}
            docId={roundId}
            title={t('room.notes')}
            label={t('room.notesText')}
            full={sync.isFull(roundId)}
            readOnly={status === 'refused' || sync.isFull(roundId) || sync.isGone(roundId)}
          />
        </Suspense>
      )}
    </Paper>
  );
}
