import { useMutation } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormAlert } from '../../../components/FormAlert';
import { type MembershipFieldsFragment, SetMembershipRoleDocument } from '../../../gql/graphql';

/** For admins of the organisation: make a colleague an admin too, or take an admin's rights back. */
export function MembershipRoleButton({ m }: { m: MembershipFieldsFragment }) {
  const { t } = useTranslation();
  const [setRole, { loading, error }] = useMutation(SetMembershipRoleDocument);
  const kind = m.role === 'ADMIN' ? 'revoke' : 'grant';
  return (
    <Stack gap={4} align="flex-start">
      <ConfirmButton
        size="compact-sm"
        tone={kind === 'grant' ? 'plain' : 'danger'}
        loading={loading}
        question={t(`memberships.role.${kind}Question`, { organization: m.organization.name, person: m.personName })}
        confirmLabel={t(`memberships.role.${kind}Yes`)}
        onConfirm={() => void setRole({ variables: { input: { membershipId: m.id, admin: kind === 'grant' } } }).catch(() => undefined)}
      >
        {t(`memberships.role.${kind}`, { person: m.personName })}
      </ConfirmButton>
      <FormAlert error={error} />
    </Stack>
  );
}
