import { useMutation } from '@apollo/client/react';
import { Button, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { ConceptDocument, PublishConceptDocument } from '../../../gql/graphql';

/** Freezes the working state as the next numbered version; what changed goes into the note. */
export function PublishForm({ conceptId, next }: { conceptId: string; next: number }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [publish, { data, loading, error }] = useMutation(PublishConceptDocument, { refetchQueries: [ConceptDocument] });
  return (
    <Stack
      component="form"
      aria-labelledby="publish-concept"
      onSubmit={(e) => {
        e.preventDefault();
        void publish({ variables: { input: { conceptId, note } } })
          .then(() => setNote(''))
          .catch(() => undefined);
      }}
    >
      <Title order={2} size="h4" id="publish-concept">
        {t('concepts.publishTitle', { number: next })}
      </Title>
      <Textarea
        label={t('concepts.note')}
        description={t('concepts.noteHint')}
        required
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <FormAlert error={error} success={data ? t('concepts.published', { number: data.publishConcept.versions[0]?.number }) : undefined} />
      <Button type="submit" loading={loading} w="fit-content">
        {t('concepts.publish')}
      </Button>
    </Stack>
  );
}
