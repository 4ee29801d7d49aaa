import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MembershipFieldsFragment } from '../../../gql/graphql';

export function MembershipLine({ m, showPerson }: { m: MembershipFieldsFragment; showPerson?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {showPerson ? (
        <Text fw={600}>{m.personName}</Text>
      ) : (
        <Anchor component={Link} to={`/kommunen/${m.organization.municipality.ags}`} fw={600}>
          {m.organization.name}
        </Anchor>
      )}
      <Text size="sm" c="gray.7">
        {t(`account.function.${m.function}`)}
      </Text>
      {showPerson && m.personEmail && (
        <Anchor href={`mailto:${m.personEmail}`} size="sm">
          {m.personEmail}
        </Anchor>
      )}
      {m.role === 'ADMIN' && (
        <Badge variant="light" color="grape" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
          {t('account.role.ADMIN')}
        </Badge>
      )}
      {m.status !== 'CONFIRMED' && (
        <Badge variant="light" color="yellow" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
          {t(`account.status.${m.status}`)}
        </Badge>
      )}
    </Group>
  );
}
