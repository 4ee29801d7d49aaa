import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '@verbund/shared';
import { loadApolloClient, WithApollo } from '../app/WithApollo';
import { AuthForm } from '../features/accounts/components/AuthForm';
import { LoginDocument } from '../gql/graphql';
import { signedInAs } from '../realtime/socket';

const SsoLogin = lazy(() => import('../features/accounts/components/SsoLogin'));

/** Shows before Apollo has arrived (it is one of the two pages a first visit lands on); sending waits for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('weiter'));
  return (
    <Stack maw={480}>
      <AuthForm
        title={t('account.loginTitle')}
        submit={t('account.loginSubmit')}
        busy={busy}
        error={error}
        onSubmit={async () => {
          setBusy(true);
          setError(undefined);
          let signedIn;
          try {
            const client = await loadApolloClient();
            const { data } = await client.mutate({ mutation: LoginDocument, variables: { input: { email, password } } });
            signedIn = { client, id: data!.login.id };
          } catch (failure) {
            setError(failure);
            setBusy(false);
            return;
          }
          // Signed in: whatever happens to the refetch, the person goes on (the pages load their data again).
          await signedIn.client.resetStore().catch(() => undefined);
          signedInAs(signedIn.id);
          setBusy(false);
          void navigate(next);
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
      <WithApollo>
        <SsoLogin next={next} failed={params.get('sso') === 'fehler'} />
      </WithApollo>
    </Stack>
  );
}
