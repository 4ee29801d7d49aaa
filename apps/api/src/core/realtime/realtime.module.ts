import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RealtimeService } from './realtime.service.js';
import { RedisStore } from './redis-store.js';
import { MemoryStore, SHARED_STORE } from './shared-store.js';
import { SystemGateway } from './system.gateway.js';

@Global()
@Module({
  providers: [
    RealtimeService,
    SystemGateway,
    {
      provide: SHARED_STORE,
      useFactory: (config: AppConfig) => (config.redisUrl ? RedisStore.connect(config.redisUrl) : new MemoryStore()),
      inject: [APP_CONFIG],
    },
  ],
  exports: [RealtimeService, SHARED_STORE],
})
export class RealtimeModule {}
