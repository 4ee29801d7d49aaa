import { UPLOAD_CSRF_HEADER, UPLOAD_PATH } from '@verbund/shared';
import { UploadError } from '../../components/errorMessage';

export interface UploadedFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/** POST /uploads; refusals carry the server's message, like GraphQL errors. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(UPLOAD_PATH, { method: 'POST', body: form, headers: { [UPLOAD_CSRF_HEADER]: '1' }, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as Partial<UploadedFile> & { message?: string; code?: string };
  if (!res.ok) throw new UploadError(body.message ?? `HTTP ${res.status}`, body.code);
  return body as UploadedFile;
}
