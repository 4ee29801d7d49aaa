import { Text } from '@mantine/core';
import type { CollabStatus } from '@verbund/shared/collab';
import { useTranslation } from 'react-i18next';

/** Whether what was typed is stored: announced politely to screen readers, not on every keystroke. */
export function CollabStatusLine({ status }: { status: CollabStatus }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={status === 'refused' || status === 'offline' ? 'red.9' : 'gray.7'} role="status" aria-live="polite">
      {t(`concepts.collab.${status}`)}
    </Text>
  );
}
