import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppErrorFilter } from './core/graphql/app-error.filter.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AccessGuard } from './core/access/access.guard.js';
import { AccessModule } from './core/access/access.module.js';
import { SearchWordsModule } from './core/search/search-words.module.js';
import { PersonalDataModule } from './core/privacy/personal-data.js';
import { AuditModule } from './core/audit/audit.module.js';
import { JobsModule } from './core/jobs/jobs.module.js';
import { CalendarModule } from './core/calendar/calendar-feeds.js';
import { MailModule } from './core/mail/mail.module.js';
import { CollabModule } from './core/collab/collab.module.js';
import { RealtimeModule } from './core/realtime/realtime.module.js';
import type { AppConfig } from './core/config/config.js';
import { ConfigModule } from './core/config/config.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { AppGraphQLModule } from './core/graphql/graphql.module.js';
import { HealthController } from './core/http/health.controller.js';
import { SpaFallbackFilter } from './core/http/spa-fallback.filter.js';
import { WebAppPage } from './core/http/web-app-page.js';
import { ConceptsModule } from './concepts/concepts.module.js';
import { GroupsModule } from './groups/groups.module.js';
import { MaterialsModule } from './materials/materials.module.js';
import { SearchModule } from './search/search.module.js';
import { RoundsModule } from './rounds/rounds.module.js';
import { EventsModule } from './events/events.module.js';
import { OffersModule } from './offers/offers.module.js';
import { InsightsModule } from './insights/insights.module.js';
import { StorageModule } from './core/storage/storage.module.js';
import { MembershipsModule } from './memberships/memberships.module.js';
import { MunicipalitiesModule } from './municipalities/municipalities.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SystemModule } from './system/system.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, config.statementTimeoutMs),
        AuditModule,
        AccessModule,
        SearchWordsModule,
        PersonalDataModule,
        JobsModule,
        CalendarModule,
        MailModule,
        RealtimeModule,
        CollabModule,
        AppGraphQLModule,
        AccountsModule,
        NotificationsModule,
        SystemModule,
        MunicipalitiesModule,
        MembershipsModule,
        StorageModule,
        GroupsModule,
        MaterialsModule,
        SearchModule,
        RoundsModule,
        EventsModule,
        OffersModule,
        InsightsModule,
        ConceptsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: WebAppPage, useValue: new WebAppPage(config.webDir) },
        { provide: APP_FILTER, useFactory: (page: WebAppPage) => new SpaFallbackFilter(page), inject: [WebAppPage] },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
