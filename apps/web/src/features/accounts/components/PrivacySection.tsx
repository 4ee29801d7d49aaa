import { useApolloClient, useLazyQuery, useMutation } from '@apollo/client/react';
import { Button, Paper, PasswordInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { type ContributionChoice, DeleteMyAccountDocument, MyDataDocument } from '../../../gql/graphql';

/** Export (GDPR Art. 15/20) and deletion (Art. 17) of the signed-in person's data. */
export function PrivacySection() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [load, exported] = useLazyQuery(MyDataDocument, { fetchPolicy: 'network-only' });
  const [password, setPassword] = useState('');
  const [choice, setChoice] = useState<ContributionChoice>('ANONYMISE');
  const [remove, removed] = useMutation(DeleteMyAccountDocument);

  const download = async () => {
    const res = await load();
    if (!res.data) return;
    const url = URL.createObjectURL(new Blob([res.data.myData], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'verbund-meine-daten.json';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('account.exportTitle')}
          </Title>
          <Text>{t('account.exportIntro')}</Text>
          <FormAlert error={exported.error} />
          <div>
            <Button variant="outline" loading={exported.loading} onClick={() => void download()}>
              {t('account.exportSubmit')}
            </Button>
          </div>
        </Stack>
      </Paper>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await remove({ variables: { input: { password, contributions: choice } } }).catch(() => null);
          if (!res?.data) return;
          await client.resetStore();
          void navigate('/');
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('account.deleteTitle')}
          </Title>
          <Text>{t('account.deleteIntro')}</Text>
          <Radio.Group label={t('account.contributions')} value={choice} onChange={(v) => setChoice(v as ContributionChoice)}>
            <Stack gap={4} mt={4}>
              <Radio value="ANONYMISE" label={t('account.keepAnonymised')} />
              <Radio value="DELETE" label={t('account.deleteContributions')} />
            </Stack>
          </Radio.Group>
          <Text size="sm">{t('account.materialsStay')}</Text>
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <FormAlert error={removed.error} />
          <div>
            <Button type="submit" color="red.9" loading={removed.loading}>
              {t('account.deleteSubmit')}
            </Button>
          </div>
        </Stack>
      </Paper>
    </Stack>
  );
}
