import { useMutation } from '@apollo/client/react';
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from '../features/accounts/components/AuthForm';
import { RequestPasswordResetDocument } from '../gql/graphql';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [request, { data, loading, error }] = useMutation(RequestPasswordResetDocument);
  return (
    <AuthForm
      title={t('account.forgotTitle')}
      intro={t('account.forgotIntro')}
      submit={t('account.forgotSubmit')}
      busy={loading}
      error={error}
      success={data ? t('account.checkMail') : undefined}
      onSubmit={() => void request({ variables: { email } }).catch(() => undefined)}
      links={[{ to: '/anmelden', label: t('account.login') }]}
    >
      <TextInput label={t('account.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
    </AuthForm>
  );
}
