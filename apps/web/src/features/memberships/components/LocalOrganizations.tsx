import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, List, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import {
  type CivilSocietyKind,
  CreateOrganizationDocument,
  type JobFunction,
  MyMembershipsDocument,
  OrganizationsDocument,
  RequestMembershipDocument,
} from '../../../gql/graphql';
import { useViewer } from '../../accounts/useViewer';
import { JOB_FUNCTIONS } from '../jobFunctions';
import { forgetLists } from '../../../app/forgetLists';

const KINDS: CivilSocietyKind[] = ['WOHLFAHRTSVERBAND', 'VEREIN', 'MIGRANTENORGANISATION', 'BILDUNGSTRAEGER', 'NETWORK_BODY', 'OTHER'];

/** Civil-society partners in the municipality: find, join, or register one. */
export function LocalOrganizations({ ags }: { ags: string }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const orgs = useQuery(OrganizationsDocument, { variables: { ags } });
  const mine = useQuery(MyMembershipsDocument, { skip: !viewer });
  const [join, joined] = useMutation(RequestMembershipDocument, { refetchQueries: [MyMembershipsDocument] });
  const [create, created] = useMutation(CreateOrganizationDocument, { refetchQueries: [MyMembershipsDocument], update: forgetLists('organizations') });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CivilSocietyKind>('VEREIN');
  const [fn, setFn] = useState<JobFunction>('OTHER');
  const memberOf = new Set((mine.data?.myMemberships ?? []).filter((m) => m.status !== 'REJECTED').map((m) => m.organization.id));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('memberships.orgsTitle')}
        </Title>
        <Text size="sm">{t('memberships.orgsIntro')}</Text>
        {orgs.data?.organizations.length ? (
          <List listStyleType="none" p={0} m={0} spacing={6} aria-label={t('memberships.orgsTitle')}>
            {orgs.data.organizations.map((o) => (
              <List.Item key={o.id}>
                <Group gap="xs">
                  <Text fw={600}>{o.name}</Text>
                  <Text size="sm" c="gray.7">
                    {t(`memberships.kind.${o.kind}`)}
                  </Text>
                  {viewer &&
                    (memberOf.has(o.id) ? (
                      <Badge variant="light" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                        {t('memberships.orgRequested')}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        onClick={() => void join({ variables: { input: { organizationId: o.id, function: 'OTHER' } } }).catch(() => undefined)}
                      >
                        {t('memberships.joinOrg')}
                      </Button>
                    ))}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="gray.7">
            {t('memberships.noOrgs')}
          </Text>
        )}
        <FormAlert error={joined.error} />
        {viewer && (
          <Stack
            component="form"
            gap="xs"
            aria-label={t('memberships.createOrg')}
            onSubmit={(e) => {
              e.preventDefault();
              void create({ variables: { input: { name, kind, municipalityAgs: ags, function: fn } } }).catch(() => undefined);
            }}
          >
            <Title order={4} size="h6">
              {t('memberships.createOrg')}
            </Title>
            <Text size="sm">{t('memberships.createOrgIntro')}</Text>
            <TextInput label={t('memberships.orgName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <NativeSelect
              label={t('memberships.orgKind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as CivilSocietyKind)}
              data={KINDS.map((k) => ({ value: k, label: t(`memberships.kind.${k}`) }))}
            />
            <NativeSelect
              label={t('memberships.function')}
              value={fn}
              onChange={(e) => setFn(e.currentTarget.value as JobFunction)}
              data={JOB_FUNCTIONS.map((f) => ({ value: f, label: t(`account.function.${f}`) }))}
            />
            <FormAlert error={created.error} success={created.data ? t('memberships.created') : undefined} />
            <div>
              <Button type="submit" variant="outline" loading={created.loading}>
                {t('memberships.createOrgSubmit')}
              </Button>
            </div>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
