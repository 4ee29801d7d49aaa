import { useMutation } from '@apollo/client/react';
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { CancelRoundDateDocument, MoveRoundDateDocument, RoundsDocument } from '../../../gql/graphql';
import { ConfirmButton } from '../../../components/ConfirmButton';

/** For the hosts: move one date or cancel it; everyone registered is told. */
export function HostTools({ roundId, title }: { roundId: string; title: string }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const refetchQueries = [RoundsDocument];
  const [move, moved] = useMutation(MoveRoundDateDocument, { refetchQueries });
  const [cancel, cancelled] = useMutation(CancelRoundDateDocument, { refetchQueries });
  return (
    <>
      {moving ? (
        <Group
          component="form"
          align="flex-end"
          aria-label={t('rounds.hostTools.moveTitle', { title })}
          onSubmit={(e) => {
            e.preventDefault();
            void move({ variables: { input: { roundId, startsAt } } })
              .then(() => setMoving(false))
              .catch(() => undefined);
          }}
        >
          <TextInput
            label={t('rounds.hostTools.newStart')}
            description={t('rounds.form.berlin')}
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
          />
          <Button type="submit" size="compact-md" loading={moved.loading}>
            {t('rounds.hostTools.move')}
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          <Button size="compact-sm" variant="subtle" onClick={() => setMoving(true)} aria-label={t('rounds.hostTools.moveTitle', { title })}>
            {t('rounds.hostTools.move')}
          </Button>
          <ConfirmButton
            size="compact-sm"
            loading={cancelled.loading}
            aria-label={t('rounds.hostTools.cancelTitle', { title })}
            title={t('rounds.hostTools.cancelTitle', { title })}
            question={t('rounds.hostTools.cancelQuestion', { title })}
            confirmLabel={t('rounds.hostTools.cancelYes')}
            onConfirm={() => void cancel({ variables: { input: { roundId } } }).catch(() => undefined)}
          >
            {t('rounds.hostTools.cancel')}
          </ConfirmButton>
        </Group>
      )}
      <FormAlert error={moved.error ?? cancelled.error} />
    </>
  );
}
