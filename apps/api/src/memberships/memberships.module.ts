import { Module } from '@nestjs/common';
import { MembershipsPersonalData } from './memberships.personal-data.js';
import { MembershipsResolver } from './memberships.resolver.js';
import { MembershipsService } from './memberships.service.js';

@Module({ providers: [MembershipsPersonalData, MembershipsService, MembershipsResolver], exports: [MembershipsService] })
export class MembershipsModule {}
