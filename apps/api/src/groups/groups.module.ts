import { Module } from '@nestjs/common';
import { DiscussionsResolver } from './discussions.resolver.js';
import { DiscussionsService } from './discussions.service.js';
import { GroupMembershipService } from './group-membership.service.js';
import { GroupSuggestionsService } from './group-suggestions.service.js';
import { GroupsResolver } from './groups.resolver.js';
import { GroupsService } from './groups.service.js';
import { ViewerScopeService } from './viewer-scope.service.js';

@Module({
  providers: [ViewerScopeService, GroupsService, GroupMembershipService, GroupSuggestionsService, DiscussionsService, GroupsResolver, DiscussionsResolver],
  exports: [ViewerScopeService, GroupsService],
})
export class GroupsModule {}
