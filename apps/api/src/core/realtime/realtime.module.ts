import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service.js';
import { SystemGateway } from './system.gateway.js';

@Global()
@Module({ providers: [RealtimeService, SystemGateway], exports: [RealtimeService] })
export class RealtimeModule {}
