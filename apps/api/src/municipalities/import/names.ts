/** Abbreviations used in the Destatis name suffixes. */
const ABBREVIATIONS: Record<string, string> = {
  M: 'Markt',
  St: 'Stadt',
  GKSt: 'Große Kreisstadt',
  'gemfr. Bezirk': 'gemeindefreier Bezirk',
};

/** Titles people put before the name ("Stadt Leipzig", "Landeshauptstadt München"). */
const PREFIX_TITLES = [
  'Freie und Hansestadt',
  'Landeshauptstadt',
  'Große Kreisstadt',
  'Universitätsstadt',
  'Hansestadt',
  'Lutherstadt',
  'Kreisstadt',
  'Marktgemeinde',
  'Marktflecken',
  'Flecken',
  'Markt',
  'Stadt',
];

export interface SplitName {
  /** The name without its official suffix: "Leipzig" of "Leipzig, Stadt". */
  base: string;
  /** The suffix, abbreviations written out: "Stadt", "Hansestadt, Stadt"; null when there is none. */
  title: string | null;
  /** The name as people say it: "Stadt Leipzig", "Landeshauptstadt München", "Seebad Heringsdorf" stays "Heringsdorf". */
  display: string;
}

/** Destatis writes "Leipzig, Stadt" and "Abenberg, St"; people say "Stadt Leipzig". */
export function splitOfficialName(name: string): SplitName {
  const [base, ...suffixes] = name.split(', ');
  const titles = suffixes.map((s) => ABBREVIATIONS[s] ?? s);
  const prefix = PREFIX_TITLES.find((t) => titles.includes(t));
  return {
    base: base!,
    title: titles.length ? titles.join(', ') : null,
    display: prefix ? `${prefix} ${base}` : base!,
  };
}

const KEEPS_OWN_NAME = /(kreis$)|^(Region|Städteregion|Regionalverband|Landkreis|Kreis)\b/i;

/** "München" + "Landkreis" → "Landkreis München"; "Region Hannover" and "Wartburgkreis" stay as they are. */
export function kreisDisplayName(name: string, designation: string): string {
  return KEEPS_OWN_NAME.test(name) ? name : `${designation} ${name}`;
}

const GEMEINDE_DESIGNATIONS: Record<string, string> = {
  GEMEINDE: 'Gemeinde',
  STADT: 'Stadt',
  MARKT: 'Markt',
  GROSSE_KREISSTADT: 'Große Kreisstadt',
  KREISFREIE_STADT: 'Kreisfreie Stadt',
  STADTKREIS: 'Stadtkreis',
  GEMEINDEFREIES_GEBIET_BEWOHNT: 'Gemeindefreier Bezirk',
};

export function gemeindeDesignation(type: string): string {
  const designation = GEMEINDE_DESIGNATIONS[type];
  if (!designation) throw new Error(`unknown Gemeinde type ${type}`);
  return designation;
}
