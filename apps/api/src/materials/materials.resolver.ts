import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { AddMaterialVersionInput, CreateMaterialInput, MaterialsFilter } from './dto/material.inputs.js';
import { MaterialsService } from './materials.service.js';
import { Material, MaterialSearchResult, MaterialVersion } from './models/material.model.js';
import { Municipality } from '../municipalities/models/municipality.model.js';
import { MaterialSearchService } from './search/material-search.service.js';

@Resolver(() => Material)
export class MaterialsResolver {
  constructor(
    private readonly library: MaterialsService,
    private readonly searcher: MaterialSearchService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => MaterialSearchResult, { description: 'Materials the signed-in person may see, ranked by the search words.' })
  @Access('AUTHENTICATED')
  async materials(
    @Http() { req }: RequestContext,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('filter', { type: () => MaterialsFilter, nullable: true }) filter?: MaterialsFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<MaterialSearchResult> {
    return this.searcher.search(await this.sessions.requireUser(req), search, filter, first, offset);
  }

  @Query(() => Material)
  @Access('AUTHENTICATED')
  async material(@Args('id', { type: () => ID }) id: string, @Http() { req }: RequestContext): Promise<Material> {
    return this.library.get(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Material, { description: 'For confirmed members, on behalf of one of their organisations.' })
  @Access('AUTHENTICATED')
  async createMaterial(@Args('input') input: CreateMaterialInput, @Http() { req }: RequestContext): Promise<Material> {
    return this.library.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Material, { description: 'For the author, the publishing organisation and the group moderation.' })
  @Access('AUTHENTICATED')
  async addMaterialVersion(@Args('input') input: AddMaterialVersionInput, @Http() { req }: RequestContext): Promise<Material> {
    return this.library.addMaterialVersion(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Material, { description: '"Useful for us": for members of a municipal administration; used=false takes it back.' })
  @Access('AUTHENTICATED')
  async markMaterialUsed(
    @Args('id', { type: () => ID }) id: string,
    @Http() { req }: RequestContext,
    @Args('used', { type: () => Boolean, defaultValue: true }) used = true,
    @Args('organizationId', { type: () => ID, nullable: true, description: 'When the person works for more than one municipality.' })
    organizationId?: string | null,
  ): Promise<Material> {
    return this.library.markUsed(await this.sessions.requireUser(req), id, used, organizationId);
  }

  @ResolveField(() => [MaterialVersion], { description: 'Newest first; old versions stay.' })
  versions(@Parent() material: Material): Promise<MaterialVersion[]> {
    return this.library.versions(material.id);
  }

  @ResolveField(() => [Municipality], { description: 'Municipalities that marked it "useful for us".' })
  usedBy(@Parent() material: Material): Promise<Municipality[]> {
    return this.library.usedBy(material.id);
  }
}
