import { ArgsType, Field, Float, Int } from '@nestjs/graphql';
import { badUserInput } from '../../core/errors/app-error.js';
import { MunicipalityKind } from '../models/municipality.model.js';

export const MAX_PAGE = 100;
const KEY = /^(\d{2}|\d{5}|\d{8})$/;

export function assertKey(ags: string): void {
  if (!KEY.test(ags)) {
    throw badUserInput(`"${ags.slice(0, 20)}" ist kein Gemeindeschlüssel: erwartet werden 2, 5 oder 8 Ziffern (z. B. 14, 14729, 14729140).`, {
      field: 'ags',
    });
  }
}

export function assertFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badUserInput(`"first" muss zwischen 1 und ${MAX_PAGE} liegen.`, { field: 'first' });
  }
}

@ArgsType()
export class MunicipalityArgs {
  @Field({ description: '2-, 5- or 8-digit key.' })
  ags!: string;
}

@ArgsType()
export class MunicipalitiesArgs {
  @Field(() => String, { nullable: true, description: 'Name words (umlaut-insensitive), key prefix or postcode.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-digit key of a Land.' })
  land?: string | null;

  @Field(() => MunicipalityKind, { nullable: true })
  kind?: MunicipalityKind | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export function validateMunicipalitiesArgs(args: MunicipalitiesArgs): void {
  assertFirst(args.first);
  if (args.search && args.search.length > 100) throw badUserInput('Der Suchbegriff ist zu lang (höchstens 100 Zeichen).', { field: 'search' });
  if (args.land && !/^\d{2}$/.test(args.land)) throw badUserInput('"land" muss ein zweistelliger Länderschlüssel sein (z. B. 14).', { field: 'land' });
}

@ArgsType()
export class ChildrenArgs {
  @Field(() => Int, { defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export const MAX_RADIUS_KM = 200;

@ArgsType()
export class NeighboursArgs {
  @Field({ description: '2-, 5- or 8-digit key.' })
  ags!: string;

  @Field(() => Float, { nullable: true, description: `Also municipalities of the same level within this many km (at most ${MAX_RADIUS_KM}).` })
  radiusKm?: number | null;

  @Field(() => Int, { defaultValue: 50 })
  first!: number;
}

export function validateNeighboursArgs(args: NeighboursArgs): void {
  assertKey(args.ags);
  assertFirst(args.first);
  if (args.radiusKm !== null && args.radiusKm !== undefined) {
    if (!(args.radiusKm > 0) || args.radiusKm > MAX_RADIUS_KM) {
      throw badUserInput(`Der Umkreis muss größer als 0 und höchstens ${MAX_RADIUS_KM} km sein.`, { field: 'radiusKm' });
    }
  }
}

/** Opaque cursors: the offset of the last item, base64url. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('Ungültiger Cursor für "after".', { field: 'after' });
  return Number(match[1]) + 1;
}
