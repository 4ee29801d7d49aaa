import type { TFunction } from 'i18next';

/** What the API says about a refusal: a stable code, structured details, and a German text for people. */
export interface ServerError {
  code?: string;
  message: string;
  details?: { reason?: string; field?: string; retryAfterSeconds?: number; limit?: string; max?: number };
}

/** Waits as the server words them: minutes up to 90, hours beyond. */
function waitText(seconds: number, known: (key: string, options: Record<string, unknown>) => string | undefined): string | undefined {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 90 ? known('errors.tooManyFor', { count: minutes }) : known('errors.tooManyForHours', { count: Math.ceil(minutes / 60) });
}

/**
 * The refusal in the reader's language. German readers get the server's own text (it is the most precise);
 * others get it from the code and details, and the German text only when nothing else fits.
 */
export function errorText(error: ServerError, t: TFunction, language: string): string {
  if (language === 'de' && error.message) return error.message;
  const details = error.details ?? {};
  const known = (key: string, options: Record<string, unknown> = {}) => {
    const text = t(key, { ...options, defaultValue: '' });
    return text ? text : undefined;
  };
  return (
    (details.reason && known(`errors.reason.${details.reason}`)) ||
    (error.code === 'TOO_MANY_REQUESTS' && details.retryAfterSeconds && waitText(details.retryAfterSeconds, known)) ||
    (details.limit && known(`errors.limit.${details.limit}`, { max: details.max })) ||
    (error.code === 'BAD_USER_INPUT' && details.field && known('errors.field', { field: known(`errors.fields.${details.field}`) ?? details.field })) ||
    (error.code && known(`errors.code.${error.code}`)) ||
    error.message
  );
}
