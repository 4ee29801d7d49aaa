import { MeDocument, SetPreferredLanguageDocument } from '../gql/graphql';
import type { Language } from '../i18n/i18n';
import { loadApolloClient } from './WithApollo';

/** Mails and notification texts follow the language a signed-in person chooses in the header. */
export async function rememberLanguage(language: Language): Promise<void> {
  const client = await loadApolloClient();
  if (!client.readQuery({ query: MeDocument })?.me) return;
  await client.mutate({ mutation: SetPreferredLanguageDocument, variables: { language }, refetchQueries: ['Notifications'] });
}
