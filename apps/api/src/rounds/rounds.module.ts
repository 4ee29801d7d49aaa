import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { RoundAudienceRules } from './round-audience.js';
import { RoundCalendarController } from './round-calendar.controller.js';
import { RoundsResolver } from './rounds.resolver.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [RoundAudienceRules, RoundsService, RoundsResolver],
  controllers: [RoundCalendarController],
  exports: [RoundsService],
})
export class RoundsModule {}
