import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { RoundAgendaService } from './round-agenda.service.js';
import { RoundAudienceRules } from './round-audience.js';
import { RoundReminders } from './round-reminders.js';
import { RoundCalendarController } from './round-calendar.controller.js';
import { RoundsPersonalData } from './rounds.personal-data.js';
import { RoundsResolver } from './rounds.resolver.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [RoundsPersonalData, RoundAudienceRules, RoundsService, RoundAgendaService, RoundsResolver, RoundReminders],
  controllers: [RoundCalendarController],
  exports: [RoundsService],
})
export class RoundsModule {}
