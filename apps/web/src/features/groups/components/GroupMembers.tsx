import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormAlert } from '../../../components/FormAlert';
import {
  DecideGroupJoinDocument,
  GroupDetailDocument,
  type GroupMemberFieldsFragment,
  InviteToGroupDocument,
  RemoveGroupMemberDocument,
  SetGroupRoleDocument,
} from '../../../gql/graphql';
import { useViewer } from '../../accounts/useViewer';
import { KreisMap } from '../../municipalities/components/KreisMap';

const kreisOf = (m: { ags: string; isKreis: boolean }) => (m.isKreis ? m.ags : m.ags.slice(0, 5));

/** Members with where they work, their Kreise on the map; moderators also decide requests and invite. */
export function GroupMembers({
  groupId,
  name,
  members,
  moderator,
  pendingInvitations,
}: {
  groupId: string;
  name: string;
  members: GroupMemberFieldsFragment[];
  moderator: boolean;
  pendingInvitations: number | null | undefined;
}) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const refetchQueries = [{ query: GroupDetailDocument, variables: { id: groupId } }];
  const [decide, decision] = useMutation(DecideGroupJoinDocument, { refetchQueries });
  const [setRole, role] = useMutation(SetGroupRoleDocument, { refetchQueries });
  const [remove, removal] = useMutation(RemoveGroupMemberDocument, { refetchQueries });
  const [invite, invitation] = useMutation(InviteToGroupDocument, { refetchQueries });
  const [ags, setAgs] = useState('');
  const [email, setEmail] = useState('');
  const active = members.filter((m) => m.status === 'ACTIVE');
  const requests = members.filter((m) => m.status === 'REQUESTED');
  const kreise = [...new Set(active.flatMap((m) => m.organizations.map((o) => kreisOf(o.municipality))))];
  const who = (m: GroupMemberFieldsFragment) => ({ groupId, personId: m.person.id! });

  return (
    <Stack>
      <FormAlert error={decision.error ?? role.error ?? removal.error ?? invitation.error} />
      {moderator && requests.length > 0 && (
        <section aria-labelledby="requests-title">
          <Title order={3} size="h5" id="requests-title" mb="xs">
            {t('groups.requests')}
          </Title>
          <List listStyleType="none" p={0} m={0} spacing="xs">
            {requests.map((m) => (
              <List.Item key={m.person.id}>
                <Group gap="xs">
                  <Text>
                    {m.person.name} – {m.organizations.map((o) => o.name).join(', ')}
                  </Text>
                  <Button size="xs" onClick={() => void decide({ variables: { input: { ...who(m), approve: true } } }).catch(() => undefined)}>
                    {t('groups.approve')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => void decide({ variables: { input: { ...who(m), approve: false } } }).catch(() => undefined)}
                  >
                    {t('groups.reject')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <List listStyleType="none" p={0} m={0} spacing="xs" aria-label={t('groups.tabs.members')}>
        {members
          .filter((m) => m.status !== 'REQUESTED')
          .map((m) => (
            <List.Item key={m.person.id}>
              <Group gap="xs">
                <Text fw={500}>{m.person.name}</Text>
                <Text size="sm" c="gray.7">
                  {m.status === 'ACTIVE' ? t(`groups.role.${m.role}`) : t(`groups.status.${m.status}`)} · {m.organizations.map((o) => o.name).join(', ')}
                </Text>
                {moderator && m.status === 'ACTIVE' && (
                  <>
                    <Button
                      size="compact-xs"
                      variant="outline"
                      color="blue.9"
                      onClick={() =>
                        void setRole({ variables: { input: { ...who(m), role: m.role === 'MODERATOR' ? 'MEMBER' : 'MODERATOR' } } }).catch(() => undefined)
                      }
                    >
                      {m.role === 'MODERATOR' ? t('groups.makeMember') : t('groups.makeModerator')}
                    </Button>
                    {/* One leaves with "Gruppe verlassen", which says how one comes back. */}
                    {m.person.id !== viewer?.id && (
                      <ConfirmButton
                        size="compact-xs"
                        variant="outline"
                        title={t('groups.removeTitle', { name: m.person.name })}
                        question={t('groups.removeConfirm')}
                        confirmLabel={t('groups.removeYes')}
                        onConfirm={() => void remove({ variables: { input: who(m) } }).catch(() => undefined)}
                      >
                        {t('groups.remove')}
                      </ConfirmButton>
                    )}
                  </>
                )}
              </Group>
            </List.Item>
          ))}
      </List>
      {moderator && pendingInvitations ? <Text size="sm">{t('groups.pendingInvitations', { count: pendingInvitations })}</Text> : null}
      {moderator && (
        <Group
          component="form"
          align="end"
          aria-label={t('groups.invitePerson')}
          onSubmit={(e) => {
            e.preventDefault();
            void invite({ variables: { input: { groupId, email: email.trim() } } })
              .then(() => setEmail(''))
              .catch(() => undefined);
          }}
        >
          <TextInput
            label={t('groups.invitePerson')}
            description={t('groups.inviteEmail')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit" variant="outline" loading={invitation.loading}>
            {t('groups.inviteSubmit')}
          </Button>
        </Group>
      )}
      {moderator && (
        <Group
          component="form"
          align="end"
          aria-label={t('groups.inviteMunicipality')}
          onSubmit={(e) => {
            e.preventDefault();
            void invite({ variables: { input: { groupId, municipalityAgs: ags.trim() } } }).catch(() => undefined);
          }}
        >
          <TextInput label={t('groups.inviteMunicipality')} description={t('groups.inviteAgs')} value={ags} onChange={(e) => setAgs(e.currentTarget.value)} />
          <Button type="submit" variant="outline" loading={invitation.loading}>
            {t('groups.inviteSubmit')}
          </Button>
        </Group>
      )}
      {invitation.data && <FormAlert success={t('groups.inviteResult', invitation.data.inviteToGroup)} />}
      {kreise.length > 0 && (
        <KreisMap name={t('groups.mapLabel', { name })} highlighted={kreise} neighbours={[]} overview={{ legend: t('groups.mapLegend') }} />
      )}
    </Stack>
  );
}
