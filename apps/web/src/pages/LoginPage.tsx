import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthForm } from '../features/accounts/components/AuthForm';
import { AppInfoDocument, LoginDocument } from '../gql/graphql';
import { safeNext } from '@verbund/shared';

export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginDocument);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('weiter');
  const sso = useQuery(AppInfoDocument).data?.appInfo.ssoLabel;
  return (
    <Stack maw={480}>
      <AuthForm
        title={t('account.loginTitle')}
        submit={t('account.loginSubmit')}
        busy={loading}
        error={error}
        onSubmit={async () => {
          const res = await login({ variables: { input: { email, password } } }).catch(() => null);
          if (!res?.data) return;
          await client.resetStore();
          void navigate(safeNext(next));
        }}
        links={[
          { to: '/registrieren', label: t('account.register'), prefix: t('account.noAccount') },
          { to: '/passwort-vergessen', label: t('account.forgot') },
        ]}
      >
        <TextInput label={t('account.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <PasswordInput
          label={t('account.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </AuthForm>
      {sso && (
        <>
          {params.get('sso') === 'fehler' && (
            <Alert color="red" role="alert">
              {t('account.ssoFailed', { label: sso })}
            </Alert>
          )}
          <Text c="gray.7" ta="center">
            {t('account.or')}
          </Text>
          <Button component="a" variant="outline" href={`/auth/sso/login?weiter=${encodeURIComponent(safeNext(next))}`}>
            {t('account.ssoButton', { label: sso })}
          </Button>
        </>
      )}
    </Stack>
  );
}
