import { useMutation } from '@apollo/client/react';
import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuthForm } from '../features/accounts/components/AuthForm';
import { ResetPasswordDocument } from '../gql/graphql';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [newPassword, setNewPassword] = useState('');
  const [reset, { data, loading, error }] = useMutation(ResetPasswordDocument);
  return (
    <AuthForm
      title={t('account.resetTitle')}
      submit={t('account.resetSubmit')}
      busy={loading}
      error={error}
      success={data?.resetPassword ? t('account.resetDone') : undefined}
      onSubmit={() => void reset({ variables: { input: { token: params.get('token') ?? '', newPassword } } }).catch(() => undefined)}
      links={[{ to: '/anmelden', label: t('account.login') }]}
    >
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordHint')}
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={(e) => setNewPassword(e.currentTarget.value)}
      />
    </AuthForm>
  );
}
