import { useMutation } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { forgetLists } from '../../../app/forgetLists';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { FormAlert } from '../../../components/FormAlert';
import { EndMembershipDocument, type MembershipFieldsFragment } from '../../../gql/graphql';

/**
 * Leaving an organisation (one's own membership, or withdrawing a request) or, for its admins, removing a person
 * who no longer works there. What the membership opened up is cached all over the app, so it is forgotten.
 */
export function EndMembershipButton({ m, own }: { m: MembershipFieldsFragment; own: boolean }) {
  const { t } = useTranslation();
  const [end, { loading, error, client }] = useMutation(EndMembershipDocument);
  const kind = own ? (m.status === 'REQUESTED' ? 'withdraw' : 'leave') : 'remove';
  return (
    <Stack gap={4} align="flex-start">
      <ConfirmButton
        size="compact-sm"
        loading={loading}
        question={t(`memberships.end.${kind}Question`, { organization: m.organization.name, person: m.personName })}
        confirmLabel={t(`memberships.end.${kind}Yes`)}
        onConfirm={() =>
          void end({ variables: { input: { membershipId: m.id } }, update: forgetLists('myMemberships', 'people') })
            .then(() => (own ? client.resetStore() : undefined))
            .catch(() => undefined)
        }
      >
        {t(`memberships.end.${kind}`, { person: m.personName })}
      </ConfirmButton>
      <FormAlert error={error} />
    </Stack>
  );
}
