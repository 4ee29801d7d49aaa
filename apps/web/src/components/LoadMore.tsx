import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Below a list that shows the first page of `total`: asks for the next page, which `onMore` appends. */
export function LoadMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (shown >= total) return null;
  return (
    <Group>
      <Button
        variant="outline"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onMore()
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        {t('app.loadMore', { shown, total })}
      </Button>
    </Group>
  );
}
