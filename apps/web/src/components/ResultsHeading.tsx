import { Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * List pages go from their h1 (with filters) straight to cards headed h3; this h2, for screen readers and
 * heading navigation, names the list in between, so the outline skips no level.
 */
export function ResultsHeading() {
  const { t } = useTranslation();
  return (
    <VisuallyHidden>
      <Title order={2}>{t('app.results')}</Title>
    </VisuallyHidden>
  );
}
