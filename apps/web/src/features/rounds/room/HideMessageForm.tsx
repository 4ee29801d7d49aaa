import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { HideRoundMessageDocument } from '../../../gql/graphql';

interface Props {
  roundId: string;
  messageId: string;
  authorName: string;
  onDone: () => void;
}

/** A moderator hides a message with a reason, which the audit log keeps; written in place, below the message. */
export function HideMessageForm({ roundId, messageId, authorName, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [hide, { loading, error }] = useMutation(HideRoundMessageDocument);
  return (
    <Stack
      component="form"
      gap="xs"
      my="xs"
      aria-label={t('room.hideTitle', { name: authorName })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        void hide({ variables: { input: { roundId, messageId, reason: reason.trim() } } })
          .then(onDone)
          .catch(() => undefined);
      }}
    >
      <Textarea
        label={t('room.hideReason')}
        required
        autosize
        minRows={1}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-autofocus
        autoFocus
      />
      <FormAlert error={error} />
      <Group gap="xs">
        <Button type="submit" size="xs" color="red.9" loading={loading}>
          {t('room.hide')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('room.hideCancel')}
        </Button>
      </Group>
    </Stack>
  );
}
