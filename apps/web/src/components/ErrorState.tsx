import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ErrorState({ onRetry, message }: { onRetry?: () => void; message?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('state.errorTitle')} role="alert" variant="light">
      {message ?? t('state.errorText')}
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
