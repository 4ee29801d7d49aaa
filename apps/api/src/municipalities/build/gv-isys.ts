import ExcelJS from 'exceljs';

/** The Gemeinde types of the bundle, from GV-ISys's Textkennzeichen of Satzart 60. */
const GEMEINDE_TYPES: Record<string, string> = {
  '60': 'MARKT',
  '61': 'KREISFREIE_STADT',
  '62': 'STADTKREIS',
  '63': 'STADT',
  '64': 'GEMEINDE',
  '65': 'GEMEINDEFREIES_GEBIET_BEWOHNT',
  '67': 'GROSSE_KREISSTADT',
};
const UNINHABITED = '66';
const VERBAND_TYPES: Record<string, string> = {
  '51': 'AMT',
  '52': 'SAMTGEMEINDE',
  '53': 'VERBANDSGEMEINDE',
  '54': 'VERWALTUNGSGEMEINSCHAFT',
  '55': 'KIRCHSPIELSLANDGEMEINDE',
  '56': 'VERWALTUNGSVERBAND',
  '58': 'ERFUELLENDE_GEMEINDE',
};
/** Kreisfreie Stadt and Stadtkreis; the others (Kreis, Landkreis, Regionalverband) are Landkreise. */
const KREISFREI = new Set(['41', '42']);
const KREIS_DESIGNATIONS: Record<string, string> = {
  '41': 'Kreisfreie Stadt',
  '42': 'Stadtkreis',
  '43': 'Kreis',
  '44': 'Landkreis',
  '45': 'Regionalverband',
};

export type Urbanisation = 'DICHT' | 'MITTEL' | 'GERING';
const URBANISATION: Record<string, Urbanisation> = { '01': 'DICHT', '02': 'MITTEL', '03': 'GERING' };

export interface GvGemeinde {
  ags: string;
  ars: string;
  name: string;
  /** null: an uninhabited gemeindefreies Gebiet (kept for the borders, not a record of the bundle). */
  type: string | null;
  kreisAgs: string;
  landCode: string;
  verbandArs: string;
  population: number;
  areaKm2: number;
  plz: string | null;
  lat: number | null;
  lon: number | null;
  urbanisation: Urbanisation | null;
}

export interface GvKreis {
  ags: string;
  name: string;
  type: 'KREISFREIE_STADT' | 'LANDKREIS';
  bezeichnung: string;
}

export interface GvIsys {
  laender: { code: string; name: string }[];
  kreise: GvKreis[];
  verbaende: { ars: string; name: string; type: string; kreisAgs: string }[];
  gemeinden: GvGemeinde[];
}

const text = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value).trim();
};
/** Coordinates come with a decimal comma. */
const decimal = (value: ExcelJS.CellValue): number | null => {
  const t = text(value).replace(',', '.');
  return t === '' ? null : Number(t);
};

/**
 * Reads Destatis' "Alle politisch selbständigen Gemeinden mit ausgewählten Merkmalen" (GV-ISys, the quarterly
 * `AuszugGV…xlsx`): one row per Land (Satzart 10), Kreis (40), Gemeindeverband (50) and Gemeinde (60).
 */
export async function readGvIsys(file: string): Promise<GvIsys> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((s) => s.name.startsWith('Onlineprodukt'));
  if (!sheet) throw new Error(`${file}: no sheet "Onlineprodukt_Gemeinden…"`);
  const result: GvIsys = { laender: [], kreise: [], verbaende: [], gemeinden: [] };
  sheet.eachRow((row) => {
    const cell = (i: number) => row.getCell(i).value;
    const [satzart, kennzeichen, land, rb, kreis, vb, gem, name] = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => text(cell(i)));
    if (!/^\d{2}$/.test(satzart ?? '')) return;
    const kreisAgs = `${land}${rb}${kreis}`;
    if (satzart === '10') result.laender.push({ code: land!, name: name! });
    if (satzart === '40') {
      const bezeichnung = KREIS_DESIGNATIONS[kennzeichen!];
      if (!bezeichnung) throw new Error(`${file}: unknown Textkennzeichen ${kennzeichen} for the Kreis ${name}`);
      result.kreise.push({ ags: kreisAgs, name: name!, type: KREISFREI.has(kennzeichen!) ? 'KREISFREIE_STADT' : 'LANDKREIS', bezeichnung });
    }
    if (satzart === '50' && VERBAND_TYPES[kennzeichen!]) {
      result.verbaende.push({ ars: `${kreisAgs}${vb}`, name: name!, type: VERBAND_TYPES[kennzeichen!]!, kreisAgs });
    }
    if (satzart === '60') {
      const type = kennzeichen === UNINHABITED ? null : GEMEINDE_TYPES[kennzeichen!];
      if (type === undefined) throw new Error(`${file}: unknown Textkennzeichen ${kennzeichen} for ${name}`);
      result.gemeinden.push({
        ags: `${kreisAgs}${gem}`,
        ars: `${kreisAgs}${vb}${gem}`,
        name: name!,
        type,
        kreisAgs,
        landCode: land!,
        verbandArs: `${kreisAgs}${vb}`,
        population: Number(text(cell(10)) || 0),
        areaKm2: Number(text(cell(9)) || 0),
        plz: text(cell(14)) || null,
        lon: decimal(cell(15)),
        lat: decimal(cell(16)),
        urbanisation: URBANISATION[text(cell(19))] ?? null,
      });
    }
  });
  return result;
}
