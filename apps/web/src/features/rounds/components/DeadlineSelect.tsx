import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Minutes before a date when registration closes. */
const DEADLINES = ['0', '60', '1440', '2880', '10080'];

export function DeadlineSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const data = DEADLINES.includes(value) ? DEADLINES : [...DEADLINES, value];
  return (
    <Select
      label={t('rounds.form.deadline')}
      data={data.map((m) => ({ value: m, label: t(`rounds.form.deadlines.${m}`, { defaultValue: t('rounds.form.deadlineMinutes', { count: Number(m) }) }) }))}
      value={value}
      onChange={(v) => onChange(v ?? '0')}
      allowDeselect={false}
    />
  );
}
