import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { ConceptsService } from './concepts.service.js';
import {
  AdaptConceptInput,
  AddConceptCommentInput,
  AddConceptMeasureInput,
  AddConceptSectionInput,
  ConceptMeasureInput,
  ConceptSectionInput,
  ConceptsFilter,
  CreateConceptInput,
  MoveConceptSectionInput,
  PublishConceptInput,
  RenameConceptSectionInput,
  UpstreamDecisionInput,
  ResolveConceptCommentInput,
  UpdateConceptInput,
  UpdateConceptMeasureInput,
} from './dto/concept.inputs.js';
import { Concept, ConceptComment, ConceptLineage, ConceptPage, ConceptSection, SectionAdaptation, SectionChange } from './models/concept.model.js';
import { ConceptCommentsService } from './concept-comments.service.js';
import { UpstreamService } from './upstream.service.js';

/** Every operation is for confirmed members; drafting for the owning group's or organisation's members. */
@Resolver(() => Concept)
export class ConceptsResolver {
  constructor(
    private readonly service: ConceptsService,
    private readonly upstream: UpstreamService,
    private readonly comments: ConceptCommentsService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => ConceptPage, { description: 'Concepts the person drafts, and every published one.' })
  @Access('AUTHENTICATED')
  async concepts(
    @Http() { req }: RequestContext,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('filter', { type: () => ConceptsFilter, nullable: true }) filter?: ConceptsFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<ConceptPage> {
    return this.service.list(await this.sessions.requireUser(req), search, filter, first, offset);
  }

  @Query(() => Concept)
  @Access('AUTHENTICATED')
  async concept(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Concept> {
    return this.service.get(await this.sessions.requireUser(req), id);
  }

  @ResolveField(() => [ConceptSection], { description: 'Drafters: the working sections. Others: those of `showingVersion`.' })
  sections(@Parent() concept: Concept): Promise<ConceptSection[]> {
    return this.service.sectionsOf(concept);
  }

  @Query(() => [ConceptSection], { description: 'The sections of one published version (history; any two side by side).' })
  @Access('AUTHENTICATED')
  async conceptVersionSections(
    @Http() { req }: RequestContext,
    @Args('conceptId', { type: () => ID }) conceptId: string,
    @Args('number', { type: () => Int }) number: number,
  ): Promise<ConceptSection[]> {
    return this.service.versionSections(await this.sessions.requireUser(req), conceptId, number);
  }

  @Mutation(() => Concept, { description: 'Starts from the usual outline of a kommunales Integrationskonzept, or empty.' })
  @Access('AUTHENTICATED')
  async createConcept(@Http() { req }: RequestContext, @Args('input') input: CreateConceptInput): Promise<Concept> {
    return this.service.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async updateConcept(@Http() { req }: RequestContext, @Args('input') input: UpdateConceptInput): Promise<Concept> {
    return this.service.update(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async addConceptSection(@Http() { req }: RequestContext, @Args('input') input: AddConceptSectionInput): Promise<Concept> {
    return this.service.addSection(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async renameConceptSection(@Http() { req }: RequestContext, @Args('input') input: RenameConceptSectionInput): Promise<Concept> {
    return this.service.renameSection(await this.sessions.requireUser(req), input.conceptId, input.sectionId, input.title);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async moveConceptSection(@Http() { req }: RequestContext, @Args('input') input: MoveConceptSectionInput): Promise<Concept> {
    return this.service.moveSection(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Concept, { description: 'Published versions keep it; the working state no longer has it.' })
  @Access('AUTHENTICATED')
  async removeConceptSection(@Http() { req }: RequestContext, @Args('input') input: ConceptSectionInput): Promise<Concept> {
    return this.service.removeSection(await this.sessions.requireUser(req), input.conceptId, input.sectionId);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async addConceptMeasure(@Http() { req }: RequestContext, @Args('input') input: AddConceptMeasureInput): Promise<Concept> {
    return this.service.addMeasure(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async updateConceptMeasure(@Http() { req }: RequestContext, @Args('input') input: UpdateConceptMeasureInput): Promise<Concept> {
    return this.service.updateMeasure(await this.sessions.requireUser(req), input.conceptId, input.measureId, input);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async removeConceptMeasure(@Http() { req }: RequestContext, @Args('input') input: ConceptMeasureInput): Promise<Concept> {
    return this.service.removeMeasure(await this.sessions.requireUser(req), input.conceptId, input.measureId);
  }

  @Mutation(() => Concept, { description: 'Freezes the working state as the next numbered version; adaptations are notified.' })
  @Access('AUTHENTICATED')
  async publishConcept(@Http() { req }: RequestContext, @Args('input') input: PublishConceptInput): Promise<Concept> {
    const user = await this.sessions.requireUser(req);
    await this.upstream.publish(user, input.conceptId, input.note);
    return this.service.get(user, input.conceptId);
  }

  @Mutation(() => Concept, { description: "The organisation's own concept from a published version, linked section by section." })
  @Access('AUTHENTICATED')
  async adaptConcept(@Http() { req }: RequestContext, @Args('input') input: AdaptConceptInput): Promise<Concept> {
    const user = await this.sessions.requireUser(req);
    return this.service.get(user, await this.upstream.adapt(user, input.versionId, input.organizationId));
  }

  @Query(() => [SectionChange], { description: 'For the drafters of an adaptation: each section compared with its upstream.' })
  @Access('AUTHENTICATED')
  async conceptUpstreamChanges(@Http() { req }: RequestContext, @Args('conceptId', { type: () => ID }) conceptId: string): Promise<SectionChange[]> {
    return this.upstream.changes(await this.sessions.requireUser(req), conceptId);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async takeUpstreamSection(@Http() { req }: RequestContext, @Args('input') input: UpstreamDecisionInput): Promise<Concept> {
    const user = await this.sessions.requireUser(req);
    await this.upstream.takeUpstream(user, input);
    return this.service.get(user, input.conceptId);
  }

  @Mutation(() => Concept)
  @Access('AUTHENTICATED')
  async keepLocalSection(@Http() { req }: RequestContext, @Args('input') input: UpstreamDecisionInput): Promise<Concept> {
    const user = await this.sessions.requireUser(req);
    await this.upstream.keepLocal(user, input);
    return this.service.get(user, input.conceptId);
  }

  @Query(() => [ConceptComment], { description: "For the concept's drafters: comments on its sections, oldest first." })
  @Access('AUTHENTICATED')
  async conceptComments(@Http() { req }: RequestContext, @Args('conceptId', { type: () => ID }) conceptId: string): Promise<ConceptComment[]> {
    return this.comments.list(await this.sessions.requireUser(req), conceptId);
  }

  @Mutation(() => [ConceptComment], { description: 'Mentions (@Name) of drafters notify them.' })
  @Access('AUTHENTICATED')
  async addConceptComment(@Http() { req }: RequestContext, @Args('input') input: AddConceptCommentInput): Promise<ConceptComment[]> {
    return this.comments.add(await this.sessions.requireUser(req), input.conceptId, input.sectionId, input.body);
  }

  @Mutation(() => [ConceptComment])
  @Access('AUTHENTICATED')
  async resolveConceptComment(@Http() { req }: RequestContext, @Args('input') input: ResolveConceptCommentInput): Promise<ConceptComment[]> {
    return this.comments.resolve(await this.sessions.requireUser(req), input.conceptId, input.commentId, input.resolved ?? true);
  }

  @Query(() => [SectionAdaptation], { description: 'Who adapted this section of a concept, and how (the adaptations the person may see).' })
  @Access('AUTHENTICATED')
  async sectionAdaptations(
    @Http() { req }: RequestContext,
    @Args('conceptId', { type: () => ID }) conceptId: string,
    @Args('sectionId', { type: () => ID }) sectionId: string,
  ): Promise<SectionAdaptation[]> {
    return this.upstream.sectionAdaptations(await this.sessions.requireUser(req), conceptId, sectionId);
  }

  @Query(() => ConceptLineage)
  @Access('AUTHENTICATED')
  async conceptLineage(@Http() { req }: RequestContext, @Args('conceptId', { type: () => ID }) conceptId: string): Promise<ConceptLineage> {
    return this.upstream.lineage(await this.sessions.requireUser(req), conceptId);
  }
}
