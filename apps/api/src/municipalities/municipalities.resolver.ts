import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../core/access/access.decorator.js';
import {
  assertFirst,
  assertKey,
  ChildrenArgs,
  MunicipalitiesArgs,
  MunicipalityArgs,
  NeighboursArgs,
  validateMunicipalitiesArgs,
  validateNeighboursArgs,
} from './dto/municipalities.args.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { MunicipalityLoaders } from './municipality.loaders.js';
import { MunicipalityConnection } from './models/municipality-connection.model.js';
import { Municipality } from './models/municipality.model.js';
import { Neighbour } from './models/neighbour.model.js';
import { NeighboursService } from './neighbours.service.js';

@Resolver(() => Municipality)
export class MunicipalitiesResolver {
  constructor(
    private readonly directory: MunicipalitiesService,
    private readonly neighbourService: NeighboursService,
    private readonly loaders: MunicipalityLoaders,
  ) {}

  @Query(() => Municipality, { nullable: true, description: 'By 2-, 5- or 8-digit key; null when no municipality has it.' })
  @Access('PUBLIC')
  municipality(@Args() { ags }: MunicipalityArgs): Promise<Municipality | null> {
    assertKey(ags);
    return this.directory.findByKey(ags);
  }

  @Query(() => MunicipalityConnection)
  @Access('PUBLIC')
  municipalities(@Args() args: MunicipalitiesArgs): Promise<MunicipalityConnection> {
    validateMunicipalitiesArgs(args);
    return this.directory.search(args);
  }

  @Query(() => [Municipality], { description: 'The 16 Länder (Berlin and Hamburg are their own Land).' })
  @Access('PUBLIC')
  laender(): Promise<Municipality[]> {
    return this.directory.laender();
  }

  @Query(() => [Neighbour])
  @Access('PUBLIC')
  neighbours(@Args() args: NeighboursArgs): Promise<Neighbour[]> {
    validateNeighboursArgs(args);
    return this.neighbourService.neighbours(args);
  }

  @ResolveField(() => Municipality, { nullable: true, description: 'The Land (Berlin and Hamburg: themselves).' })
  land(@Parent() m: Municipality, @Context('req') req: object): Promise<Municipality | null> {
    return this.loaders.for(req).byKey.load(m.landCode);
  }

  @ResolveField(() => Municipality, { nullable: true, description: 'Gemeinde → Landkreis, Kreis → Land.' })
  parent(@Parent() m: Municipality, @Context('req') req: object): Promise<Municipality | null> {
    return m.parentId ? this.loaders.for(req).byId.load(m.parentId) : Promise.resolve(null);
  }

  @ResolveField(() => Municipality, { nullable: true, description: 'Where a retired municipality went (merger).' })
  successor(@Parent() m: Municipality, @Context('req') req: object): Promise<Municipality | null> {
    return m.successorId ? this.loaders.for(req).byId.load(m.successorId) : Promise.resolve(null);
  }

  @ResolveField(() => MunicipalityConnection, { description: "A Land's Kreise, a Landkreis's Gemeinden." })
  children(@Parent() m: Municipality, @Args() { first, after }: ChildrenArgs, @Context('req') req: object): Promise<MunicipalityConnection> {
    assertFirst(first);
    return this.loaders.for(req).children(first, after).load(m.id);
  }
}
