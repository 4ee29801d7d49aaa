import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { errorMessage, UploadError } from './errorMessage';

// English with no texts: errorText falls back to the code's key, so the test sees which refusal was read.
const t = ((key: string, options?: { defaultValue?: string }) =>
  key.startsWith('errors.code.') ? key : (options?.defaultValue ?? key)) as unknown as TFunction;

describe('errorMessage reads the refusals Apollo hands over', () => {
  it('of a GraphQL answer with errors', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Nicht erlaubt.', extensions: { code: 'FORBIDDEN' } }] });
    expect(errorMessage(error, t, 'de')).toBe('Nicht erlaubt.');
    expect(errorMessage(error, t, 'en')).toBe('errors.code.FORBIDDEN');
  });

  it('of a request refused as a whole (status 400 with GraphQL errors in the body)', () => {
    const bodyText = JSON.stringify({ errors: [{ message: 'Anfrage zu groß.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const error = new ServerError('400', { response: new Response(bodyText, { status: 400 }), bodyText });
    expect(errorMessage(error, t, 'en')).toBe('errors.code.BAD_USER_INPUT');
  });

  it('not of a network failure, a server answer without GraphQL errors, or something else', () => {
    const bodyText = '<html>Bad Gateway</html>';
    expect(errorMessage(new ServerError('502', { response: new Response(bodyText, { status: 502 }), bodyText }), t, 'de')).toBeUndefined();
    expect(errorMessage(new TypeError('Failed to fetch'), t, 'de')).toBeUndefined();
    expect(errorMessage({ name: 'CombinedGraphQLErrors', errors: [{ message: 'x' }] }, t, 'de')).toBeUndefined();
  });

  it('of a refused upload', () => {
    expect(errorMessage(new UploadError('Datei zu groß.', 'PAYLOAD_TOO_LARGE'), t, 'de')).toBe('Datei zu groß.');
  });
});
