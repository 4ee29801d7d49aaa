import { useMutation } from '@apollo/client/react';
import { PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from '../features/accounts/components/AuthForm';
import { RegisterDocument } from '../gql/graphql';

export function RegisterPage() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [register, { data, loading, error }] = useMutation(RegisterDocument);
  return (
    <AuthForm
      title={t('account.registerTitle')}
      intro={t('account.registerIntro')}
      submit={t('account.registerSubmit')}
      busy={loading}
      error={error}
      success={data ? t('account.checkMail') : undefined}
      onSubmit={() => void register({ variables: { input: { name, email, password } } }).catch(() => undefined)}
      links={[{ to: '/anmelden', label: t('account.login'), prefix: t('account.haveAccount') }]}
    >
      <TextInput label={t('account.name')} autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput label={t('account.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      <PasswordInput
        label={t('account.password')}
        description={t('account.passwordHint')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
    </AuthForm>
  );
}
