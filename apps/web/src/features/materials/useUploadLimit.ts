import { useQuery } from '@apollo/client/react';
import { AppInfoDocument } from '../../gql/graphql';

/** The server's upload limit in MB (one decimal), for the file fields' labels. */
export function useUploadLimitMb(): string {
  const { data } = useQuery(AppInfoDocument);
  const bytes = data?.appInfo.uploadLimitBytes ?? 25 * 1024 * 1024;
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}
