import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TOPICS } from '@verbund/shared';
import { UrbanisationSelect } from '../../../components/UrbanisationSelect';
import type { Urbanisation } from '../../../gql/graphql';

export type RoundsView = 'list' | 'week' | 'month';

interface Props {
  view: RoundsView;
  topic: string | null;
  host: string | null;
  hosts: { value: string; label: string }[];
  urbanisation: Urbanisation[];
  onChange: (key: 'ansicht' | 'thema' | 'gastgeberin' | 'siedlung', value: string | null) => void;
}

/** How to look at the rounds (list, week, month) and which: by topic, host and town or country. */
export function RoundFilters({ view, topic, host, hosts, urbanisation, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="md">
      <SegmentedControl
        aria-label={t('rounds.view.label')}
        value={view}
        onChange={(v) => onChange('ansicht', v === 'list' ? null : v)}
        data={(['list', 'week', 'month'] as const).map((v) => ({ value: v, label: t(`rounds.view.${v}`) }))}
      />
      <Select
        label={t('rounds.filter.topic')}
        placeholder={t('rounds.filter.all')}
        clearable
        data={TOPICS.map((k) => ({ value: k, label: t(`topics.${k}`) }))}
        value={topic}
        onChange={(v) => onChange('thema', v)}
      />
      <Select
        label={t('rounds.filter.host')}
        placeholder={t('rounds.filter.all')}
        clearable
        data={hosts}
        value={host}
        onChange={(v) => onChange('gastgeberin', v)}
      />
      <UrbanisationSelect value={urbanisation} onChange={(v) => onChange('siedlung', v.join(',') || null)} />
    </Group>
  );
}
