import { useQuery } from '@apollo/client/react';
import { MeDocument } from '../../gql/graphql';

export function useViewer() {
  const { data, loading } = useQuery(MeDocument);
  return { viewer: data?.me ?? null, loading };
}
