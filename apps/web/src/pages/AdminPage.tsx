import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { AccountsDocument, AuditLogDocument, SetPlatformRoleDocument } from '../gql/graphql';

/** For platform admins: who holds the platform admin role, and the security log. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const { viewer, loading } = useViewer();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const isAdmin = viewer?.platformRole === 'ADMIN';
  const accounts = useQuery(AccountsDocument, { variables: { search: debounced }, skip: !isAdmin });
  const audit = useQuery(AuditLogDocument, { variables: { first: 100 }, skip: !isAdmin });
  const [setRole, roleChange] = useMutation(SetPlatformRoleDocument, { refetchQueries: [AuditLogDocument] });
  if (loading) return <LoadingState />;
  if (!viewer) return <Navigate to="/anmelden?weiter=/verwaltung" replace />;
  if (!isAdmin)
    return (
      <Alert color="red" role="alert">
        {t('admin.forbidden')}
      </Alert>
    );
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Stack maw={1100} gap="xl">
      <PageHeading>{t('admin.title')}</PageHeading>
      <section aria-labelledby="people-title">
        <Title order={2} size="h3" id="people-title" mb="sm">
          {t('admin.peopleTitle')}
        </Title>
        <TextInput label={t('admin.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={400} mb="sm" />
        <FormAlert error={roleChange.error} />
        <Stack gap="xs">
          {accounts.data?.accounts.map((a) => (
            <Paper key={a.id} withBorder p="xs">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>{a.name}</Text>
                  <Text size="sm" c="gray.7">
                    {a.email}
                  </Text>
                  {a.platformAdmin && (
                    <Badge variant="light" color="grape" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                      {t('admin.platformAdmin')}
                    </Badge>
                  )}
                  {!a.emailVerified && (
                    <Badge variant="light" color="yellow" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                      {t('admin.unverified')}
                    </Badge>
                  )}
                </Group>
                {a.id !== viewer.id && (
                  <Button
                    size="compact-sm"
                    variant="outline"
                    onClick={() => void setRole({ variables: { input: { userId: a.id, admin: !a.platformAdmin } } }).catch(() => undefined)}
                  >
                    {a.platformAdmin ? t('admin.removeAdmin') : t('admin.makeAdmin')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="audit-title">
        <Title order={2} size="h3" id="audit-title" mb="sm">
          {t('admin.auditTitle')}
        </Title>
        <ScrollArea>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.when')}</Table.Th>
                <Table.Th>{t('admin.event')}</Table.Th>
                <Table.Th>{t('admin.actor')}</Table.Th>
                <Table.Th>{t('admin.subject')}</Table.Th>
                <Table.Th>{t('admin.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data?.auditLog.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{time.format(new Date(e.createdAt))}</Table.Td>
                  <Table.Td>{t(`admin.auditType.${e.type}`, { defaultValue: e.type })}</Table.Td>
                  <Table.Td>{e.actorName ?? '–'}</Table.Td>
                  <Table.Td>{e.subjectName ?? '–'}</Table.Td>
                  <Table.Td>{e.ip ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </section>
    </Stack>
  );
}
