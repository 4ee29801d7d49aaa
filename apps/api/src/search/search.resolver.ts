import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { SearchResult } from './models/search.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly service: SearchService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => SearchResult, { description: 'Materials and published concepts for the search words, best first (one search box for both).' })
  @Access('AUTHENTICATED')
  async search(
    @Http() { req }: RequestContext,
    @Args('search', { type: () => String }) search: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<SearchResult> {
    return this.service.search(await this.sessions.requireUser(req), search, first, offset);
  }
}
