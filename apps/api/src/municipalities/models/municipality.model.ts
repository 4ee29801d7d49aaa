import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MunicipalityKind {
  LAND = 'LAND',
  KREISFREIE_STADT = 'KREISFREIE_STADT',
  LANDKREIS = 'LANDKREIS',
  GEMEINDE = 'GEMEINDE',
}

registerEnumType(MunicipalityKind, {
  name: 'MunicipalityKind',
  description: 'A kreisfreie Stadt is Kreis and Gemeinde at once; Berlin and Hamburg are also a Land.',
});

export enum Urbanisation {
  DICHT = 'DICHT',
  MITTEL = 'MITTEL',
  GERING = 'GERING',
}

registerEnumType(Urbanisation, {
  name: 'Urbanisation',
  description: "Destatis' degree of urbanisation (Grad der Verstädterung, after Eurostat's DEGURBA).",
  valuesMap: {
    DICHT: { description: 'dicht besiedelt (Stadt)' },
    MITTEL: { description: 'mittlere Besiedlungsdichte' },
    GERING: { description: 'gering besiedelt (ländlich)' },
  },
});

@ObjectType({ description: 'How the population of a Kreis or Land divides over the degrees of urbanisation (shares 0–1).' })
export class UrbanisationShares {
  @Field(() => Float)
  dicht!: number;

  @Field(() => Float)
  mittel!: number;

  @Field(() => Float)
  gering!: number;
}

@ObjectType({ description: 'A Land, Kreis or Gemeinde of the official directory (Gebietsstand in `gebietsstand`).' })
export class Municipality {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Amtlicher Gemeindeschlüssel: 2 digits (Land), 5 (Kreis, kreisfreie Stadt) or 8 (Gemeinde).' })
  ags!: string;

  @Field({ description: 'Amtlicher Regionalschlüssel.' })
  ars!: string;

  @Field({ description: 'The official name, e.g. "Leipzig, Stadt".' })
  officialName!: string;

  @Field({ description: 'The name as people say it, e.g. "Stadt Leipzig".' })
  name!: string;

  @Field(() => MunicipalityKind)
  kind!: MunicipalityKind;

  @Field({ description: 'Official designation: Stadt, Markt, Große Kreisstadt, Landkreis, Kreis, Kreisfreie Stadt …' })
  designation!: string;

  @Field(() => String, { nullable: true, description: 'Title carried in the official name: Hansestadt, Landeshauptstadt …' })
  title!: string | null;

  @Field({ description: 'The record is also a Land (Berlin, Hamburg).' })
  isLand!: boolean;

  @Field({ description: 'The record is a Kreis (Landkreis or kreisfreie Stadt).' })
  isKreis!: boolean;

  @Field({ description: 'The record is a Gemeinde (also kreisfreie Städte).' })
  isGemeinde!: boolean;

  @Field({ description: 'Two-digit key of the Land.' })
  landCode!: string;

  @Field(() => String, { nullable: true, description: 'Gemeindeverband (Amt, Verbandsgemeinde …) the Gemeinde belongs to.' })
  gemeindeverband!: string | null;

  @Field(() => Int)
  population!: number;

  @Field(() => Float)
  areaKm2!: number;

  @Field(() => Float, { description: 'Inhabitants per km².' })
  populationDensity!: number;

  @Field(() => Urbanisation, {
    nullable: true,
    description: "A Gemeinde's degree of urbanisation; for a Kreis or Land the class most of its people live in.",
  })
  urbanisation!: Urbanisation | null;

  @Field(() => UrbanisationShares, { nullable: true, description: 'Kreise (kreisfreie Städte too) and Länder.' })
  urbanisationShares!: UrbanisationShares | null;

  @Field(() => String, { nullable: true, description: 'Postcode of the seat.' })
  postcode!: string | null;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field({ description: 'Gebietsstand of names, keys and membership (ISO date).' })
  gebietsstand!: string;

  @Field({ description: 'Reference date of the population figure (ISO date).' })
  populationDate!: string;

  @Field({ description: 'No longer in the official directory (merged or dissolved).' })
  retired!: boolean;

  parentId!: string | null;
  successorId!: string | null;
}
