import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Required wherever municipality data or the map is shown (dl-de/by-2-0, BKG notice with link). */
export function DataAttribution() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="gray.7" mt="md">
      {t('imprint.credit')}{' '}
      <Anchor href="https://www.bkg.bund.de" size="xs">
        {t('imprint.bkgLink')}
      </Anchor>
      {' · '}
      <Anchor href="https://www.govdata.de/dl-de/by-2-0" size="xs">
        dl-de/by-2-0
      </Anchor>
    </Text>
  );
}
