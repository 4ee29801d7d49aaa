import { Module } from '@nestjs/common';
import { MembershipsResolver } from './memberships.resolver.js';
import { MembershipsService } from './memberships.service.js';

@Module({ providers: [MembershipsService, MembershipsResolver], exports: [MembershipsService] })
export class MembershipsModule {}
