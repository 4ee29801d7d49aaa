import ExcelJS from 'exceljs';

/** For each old key, its successors with their share of its area. */
type Step = Map<string, { key: string; share: number }[]>;

export interface Crosswalk {
  /** The key of a Gemeinde of the polygons' year in the directory's year. */
  successor(key: string): string;
  /** Old keys whose area went to more than one successor (the largest share is taken). */
  splits: number;
}

const cellText = (value: ExcelJS.CellValue): string => (value === null || value === undefined ? '' : String(value).trim());
const key8 = (value: ExcelJS.CellValue) => cellText(value).padStart(8, '0');

function add(step: Step, from: string, to: string, share: number) {
  if (!/^\d{8}$/.test(from) || !/^\d{8}$/.test(to) || !(share > 0)) return;
  step.set(from, [...(step.get(from) ?? []), { key: to, share }]);
}

/**
 * BBSR's "Referenz Gemeinden" (one sheet per year: key at 31.12. of the year → key a year later, with the
 * area-proportional share), then, where its years end, Destatis' Gebietsänderungen of the following year (each
 * row an area in m² going from one Gemeinde to another, the part that stays included).
 */
export async function readCrosswalk(bbsrFile: string, changesFiles: string[]): Promise<Crosswalk> {
  const steps: Step[] = [];
  const bbsr = new ExcelJS.Workbook();
  await bbsr.xlsx.readFile(bbsrFile);
  for (const sheet of bbsr.worksheets.filter((s) => /^\d{4}$/.test(s.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    const header = sheet.getRow(1).values as ExcelJS.CellValue[];
    // From 2022 on a column with the Regionalschlüssel follows each key.
    const withArs = cellText(header[2]).includes('Regionalschlüssel');
    const [shareAt, toAt] = withArs ? [4, 8] : [3, 9];
    const step: Step = new Map();
    sheet.eachRow((row, n) => {
      if (n > 1) add(step, key8(row.getCell(1).value), key8(row.getCell(toAt).value), Number(row.getCell(shareAt).value));
    });
    steps.push(step);
  }
  for (const file of changesFiles) {
    const changes = new ExcelJS.Workbook();
    await changes.xlsx.readFile(file);
    const sheet = changes.worksheets.find((s) => s.name.startsWith('Gebietsaenderungen'));
    if (!sheet) throw new Error(`${file}: no sheet "Gebietsaenderungen"`);
    const step: Step = new Map();
    sheet.eachRow((row) => {
      if (cellText(row.getCell(2).value) === 'Gemeinde')
        add(step, cellText(row.getCell(4).value), cellText(row.getCell(10).value), Number(row.getCell(7).value));
    });
    steps.push(step);
  }

  let splits = 0;
  const largest = steps.map((step) => {
    const chosen = new Map<string, string>();
    for (const [from, targets] of step) {
      const shares = new Map<string, number>();
      for (const t of targets) shares.set(t.key, (shares.get(t.key) ?? 0) + t.share);
      if (shares.size > 1) splits++;
      chosen.set(from, [...shares].sort((a, b) => b[1] - a[1])[0]![0]);
    }
    return chosen;
  });
  return {
    successor: (key) => largest.reduce((k, step) => step.get(k) ?? k, key),
    splits,
  };
}
