import { Args, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CooperationService } from './cooperation.service.js';
import { CooperationSuggestions } from './cooperation-suggestions.js';
import { CooperationNeighbour } from './models/cooperation.model.js';
import { CooperationOverview } from './models/overview.model.js';
import { CooperationSuggestion } from './models/suggestion.model.js';
import { CooperationOverviewService } from './cooperation-overview.js';

@Resolver()
export class InsightsResolver {
  constructor(
    private readonly service: CooperationService,
    private readonly suggestions: CooperationSuggestions,
    private readonly overview: CooperationOverviewService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => CooperationOverview, { description: "Germany's (or one Land's) cooperation across Kreis borders, aggregated, for everyone." })
  @Access('PUBLIC')
  async cooperationOverview(@Args('land', { type: () => String, nullable: true }) land?: string | null): Promise<CooperationOverview> {
    return this.overview.overview(land);
  }

  @Query(() => [CooperationNeighbour], {
    description: "For the municipality's members: its bordering and similar municipalities with what they do together, and the gaps.",
  })
  @Access('AUTHENTICATED')
  async cooperation(@Http() { req }: RequestContext, @Args('ags') ags: string): Promise<CooperationNeighbour[]> {
    return this.service.forMunicipality(await this.sessions.requireUser(req), ags);
  }

  @Query(() => [CooperationSuggestion], {
    description:
      "For the municipality's members: what acts on its gaps (a group to join, a neighbour's coming round or event, a concept a neighbour adapted, an offer open to its residents), Landkreis ↔ kreisfreie Stadt first; at most 12.",
  })
  @Access('AUTHENTICATED')
  async cooperationSuggestions(@Http() { req }: RequestContext, @Args('ags') ags: string): Promise<CooperationSuggestion[]> {
    return this.suggestions.forMunicipality(await this.sessions.requireUser(req), ags);
  }
}
