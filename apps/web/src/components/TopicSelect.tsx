import { MultiSelect } from '@mantine/core';
import { TOPICS } from '@verbund/shared';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../gql/graphql';

/** The one managed topic list (libs/shared), labelled in the current language. */
export function TopicSelect({ label, value, onChange, required }: { label: string; value: Topic[]; onChange: (v: Topic[]) => void; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label}
      required={required}
      data={TOPICS.map((k) => ({ value: k, label: t(`topics.${k}`) }))}
      value={value}
      onChange={(v) => onChange(v as Topic[])}
      searchable
    />
  );
}
