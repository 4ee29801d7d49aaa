import { useMutation } from '@apollo/client/react';
import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RequestEmailChangeDocument } from '../../../gql/graphql';

export function ChangeEmailForm() {
  const { t } = useTranslation();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [request, { data, loading, error }] = useMutation(RequestEmailChangeDocument);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void request({ variables: { input: { newEmail, password } } }).catch(() => undefined);
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          {t('account.changeEmail')}
        </Title>
        <TextInput label={t('account.newEmail')} type="email" autoComplete="email" value={newEmail} onChange={(e) => setNewEmail(e.currentTarget.value)} />
        <PasswordInput
          label={t('account.confirmPassword')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <FormAlert error={error} success={data ? t('account.checkMail') : undefined} />
        <div>
          <Button type="submit" loading={loading}>
            {t('account.changeEmailSubmit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
