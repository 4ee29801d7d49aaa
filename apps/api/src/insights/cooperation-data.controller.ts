import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../core/access/access.decorator.js';
import { CooperationOverviewService, MIN_SHOWN } from './cooperation-overview.js';
import type { CooperationOverview, CooperationShares } from './models/overview.model.js';

export const METHOD = [
  'Zusammenarbeit zweier Kommunen: Organisationen beider Kommunen (nach ihrem Sitz) sind in derselben Arbeitsgruppe aktiv,',
  'haben denselben Termin einer Austauschrunde besucht, eine hat das Konzept der anderen übernommen, sie veranstalten oder besuchen',
  'dieselbe Veranstaltung, ein Angebot der einen steht der anderen offen oder wird geteilt, oder eine nutzt ein Material der anderen.',
  'Gemeinden zählen für den Kreis ihres Schlüssels; eine kreisfreie Stadt ist ihr eigener Kreis. Angrenzende Kreise: gemeinsame Grenze',
  `nach BKG VG5000. Gezählt werden Dinge (Gruppen, Termine, Angebote), nie Personen; Gewichte unter ${MIN_SHOWN} werden nicht genannt.`,
  'Anteile beziehen sich auf alle angrenzenden Kreispaare bzw. auf kreisangehörige Gemeinden mit mindestens einer Organisation auf Verbund.',
  'Stadt und Land nach dem Grad der Verstädterung (Destatis): ein Kreis hat die Klasse, in der die meisten seiner Einwohner leben;',
  'ein Kreispaar zählt für die Klassen beider Kreise (in den Zahlen eines Landes nur seiner Kreise), ein Paar aus Landkreis und',
  'kreisfreier Stadt für die des Landkreises (liegt er in einem anderen Land, für die der Stadt). Spalte siedlungsstruktur: alle,',
  'dicht, mittel oder gering.',
].join(' ');

const COLUMNS = [
  'gebiet',
  'angrenzende_kreispaare',
  'davon_mit_zusammenarbeit',
  'anteil',
  'landkreis_kreisfreie_stadt_paare',
  'davon_mit_zusammenarbeit',
  'anteil',
  'aktive_gemeinden',
  'davon_ueber_die_kreisgrenze',
  'anteil',
  'stand',
  'siedlungsstruktur',
] as const;

/** The aggregated figures for research and planning, for Germany and each Land: no names, no small counts. */
@Controller('data')
export class CooperationDataController {
  constructor(private readonly overview: CooperationOverviewService) {}

  @Get('cooperation.csv')
  @Access('PUBLIC')
  async csv(@Res() reply: FastifyReply) {
    const rows = (await this.all()).flatMap((o) =>
      [{ ...o, urbanisation: 'alle' }, ...o.byUrbanisation.map((u) => ({ ...u, urbanisation: u.urbanisation.toLowerCase() }))].map((f) => row(o, f)),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="verbund-zusammenarbeit.csv"')
      .send([`# ${METHOD}`, COLUMNS.join(','), ...rows].join('\n') + '\n');
  }

  @Get('cooperation.json')
  @Access('PUBLIC')
  async json(@Res() reply: FastifyReply) {
    const figures = (await this.all()).map(({ links: _links, ...rest }) => rest);
    return reply.header('content-type', 'application/json; charset=utf-8').send({ method: METHOD, figures });
  }

  private async all(): Promise<CooperationOverview[]> {
    const lands = [null, ...Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'))];
    const out: CooperationOverview[] = [];
    for (const land of lands) out.push(await this.overview.overview(land));
    return out;
  }
}

function row(o: CooperationOverview, f: CooperationShares & { urbanisation: string }): string {
  return [
    o.land ?? 'DE',
    f.borderingKreisPairs,
    f.borderingKreisPairsCooperating,
    f.borderingKreisShare ?? '',
    f.landkreisCityPairs,
    f.landkreisCityPairsCooperating,
    f.landkreisCityShare ?? '',
    f.gemeindenActive,
    f.gemeindenBeyondKreis,
    f.gemeindenBeyondKreisShare ?? '',
    o.refreshedAt?.toISOString() ?? '',
    f.urbanisation,
  ].join(',');
}
