/** What a material is; stored as keys, labelled in the web app. */
export const MATERIAL_KINDS = [
  'KONZEPT',
  'LEITFADEN',
  'VORLAGE',
  'PRAESENTATION',
  'FLYER',
  'BERICHT',
  'CHECKLISTE',
  'FORMULAR',
  'SCHULUNG',
  'PROTOKOLL',
  'SONSTIGES',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_LICENCES = ['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC0_1_0', 'DL_DE_BY_2_0', 'ALL_RIGHTS_RESERVED'] as const;
export type MaterialLicence = (typeof MATERIAL_LICENCES)[number];

/**
 * Languages a material is written in: ISO 639-1 codes, plus `de-x-ls` for Leichte Sprache (German easy-read).
 * Covers the languages integration work translates flyers into most often.
 */
export const MATERIAL_LANGUAGES = [
  'de',
  'de-x-ls',
  'en',
  'ar',
  'uk',
  'ru',
  'tr',
  'fa',
  'prs',
  'ps',
  'ku',
  'ti',
  'so',
  'fr',
  'es',
  'pl',
  'ro',
  'bg',
  'sq',
  'sr',
  'vi',
] as const;
export type MaterialLanguage = (typeof MATERIAL_LANGUAGES)[number];

/** File types accepted for materials, decided from the content (magic bytes), never from the name. */
export const MATERIAL_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;
export type MaterialMimeType = keyof typeof MATERIAL_FILE_TYPES;

/** The upload endpoint; a custom header makes browsers preflight cross-site requests (CSRF). */
export const UPLOAD_PATH = '/uploads';
export const UPLOAD_CSRF_HEADER = 'x-verbund-upload';
