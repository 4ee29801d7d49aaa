import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage';

/** Announced to screen readers as soon as it appears. */
export function FormAlert({ error, success }: { error?: unknown; success?: string }) {
  const { t, i18n } = useTranslation();
  if (error) {
    return (
      <Alert color="red" role="alert" variant="light">
        {errorMessage(error, t, i18n.language) ?? t('state.errorText')}
      </Alert>
    );
  }
  if (success) {
    return (
      <Alert color="green" role="status" variant="light">
        {success}
      </Alert>
    );
  }
  return null;
}
