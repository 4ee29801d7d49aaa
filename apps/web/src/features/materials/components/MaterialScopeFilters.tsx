import { useQuery } from '@apollo/client/react';
import { Button, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MaterialsScopeDocument } from '../../../gql/graphql';

/**
 * Filters a link set (materials of one municipality, of one group) have no field in the form: they are shown
 * here by name, each with a button that lifts it, so a reader knows why the list is short.
 */
export function MaterialScopeFilters({
  ags,
  groupId,
  onClear,
}: {
  ags: string | null;
  groupId: string | null;
  onClear: (param: 'kommune' | 'gruppe') => void;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(MaterialsScopeDocument, {
    variables: { ags: ags ?? '', groupId: groupId ?? '', withAgs: Boolean(ags), withGroup: Boolean(groupId) },
    skip: !ags && !groupId,
    errorPolicy: 'all',
  });
  if (!ags && !groupId) return null;
  const scopes = [
    ...(ags ? [{ param: 'kommune' as const, label: t('materials.scope.municipality', { name: data?.municipality?.name ?? ags }) }] : []),
    ...(groupId ? [{ param: 'gruppe' as const, label: t('materials.scope.group', { name: data?.group?.name ?? '…' }) }] : []),
  ];
  return (
    <Group gap="xs" aria-label={t('materials.scope.title')} role="group">
      {scopes.map((s) => (
        <Button key={s.param} size="compact-sm" variant="light" onClick={() => onClear(s.param)}>
          {s.label}
          <VisuallyHidden>{t('materials.scope.clear')}</VisuallyHidden>
          <span aria-hidden="true">&nbsp;×</span>
        </Button>
      ))}
    </Group>
  );
}
