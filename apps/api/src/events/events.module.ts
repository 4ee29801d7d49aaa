import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { EventDatesBackfill } from './event-dates.js';
import { EventFeeds } from './event-feeds.js';
import { EventsPersonalData } from './events.personal-data.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [EventsService, EventsResolver, EventFeeds, EventsPersonalData, EventDatesBackfill],
  exports: [EventsService],
})
export class EventsModule {}
