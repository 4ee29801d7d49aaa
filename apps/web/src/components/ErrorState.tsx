import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage';

/** A page that could not load: the server's reason in the reader's language, or a general text (network). */
export function ErrorState({ onRetry, error }: { onRetry?: () => void; error?: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" title={t('state.errorTitle')} role="alert" variant="light">
      {errorMessage(error, t, i18n.language) ?? t('state.errorText')}
      {onRetry && (
        <div>
          <Button mt="sm" variant="outline" color="red.9" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        </div>
      )}
    </Alert>
  );
}
