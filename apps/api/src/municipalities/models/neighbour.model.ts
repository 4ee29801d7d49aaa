import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Municipality } from './municipality.model.js';

export enum NeighbourReason {
  SHARES_BORDER = 'SHARES_BORDER',
  VIA_UNINCORPORATED_AREA = 'VIA_UNINCORPORATED_AREA',
  SAME_KREIS = 'SAME_KREIS',
  WITHIN_RADIUS = 'WITHIN_RADIUS',
  SIMILAR = 'SIMILAR',
}

registerEnumType(NeighbourReason, {
  name: 'NeighbourReason',
  valuesMap: {
    SHARES_BORDER: { description: 'Shares a land border (across Kreis and Land borders too).' },
    VIA_UNINCORPORATED_AREA: { description: 'Touches only through an uninhabited gemeindefreies Gebiet.' },
    SAME_KREIS: { description: 'Another Gemeinde of the same Landkreis.' },
    WITHIN_RADIUS: { description: 'Within the requested radius (straight line between reference points).' },
    SIMILAR: {
      description:
        'A peer with the same structure elsewhere: same kind and degree of urbanisation (or population shares), population and density within half to twice.',
    },
  },
});

@ObjectType()
export class Neighbour {
  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => [NeighbourReason])
  reasons!: NeighbourReason[];

  @Field(() => Float, { description: 'Straight-line distance between the reference points, km.' })
  distanceKm!: number;
}
