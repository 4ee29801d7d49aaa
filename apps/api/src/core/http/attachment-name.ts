/** A file name for a download from a title people chose: letters, digits, spaces, _ and - only, at most 100 characters. */
export function attachmentName(title: string, fallback: string, extension: string): string {
  const base =
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 100) || fallback;
  return `${base}.${extension}`;
}
