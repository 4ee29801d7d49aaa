import { Module } from '@nestjs/common';
import { GroupsPersonalData } from './groups.personal-data.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { DiscussionsResolver } from './discussions.resolver.js';
import { DiscussionsService } from './discussions.service.js';
import { GroupMembershipService } from './group-membership.service.js';
import { GroupSuggestionsService } from './group-suggestions.service.js';
import { GroupsResolver } from './groups.resolver.js';
import { GroupsService } from './groups.service.js';
import { ModerationHandover } from './moderation-handover.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [
    GroupsPersonalData,
    GroupsService,
    GroupMembershipService,
    GroupSuggestionsService,
    DiscussionsService,
    GroupsResolver,
    DiscussionsResolver,
    ModerationHandover,
  ],
  exports: [GroupsService],
})
export class GroupsModule {}
