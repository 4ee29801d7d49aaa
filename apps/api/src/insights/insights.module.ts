import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { CooperationDataController } from './cooperation-data.controller.js';
import { CooperationDigest } from './cooperation-digest.js';
import { CooperationOverviewService } from './cooperation-overview.js';
import { CooperationRefresh } from './cooperation-refresh.js';
import { CooperationSuggestions } from './cooperation-suggestions.js';
import { CooperationService } from './cooperation.service.js';
import { InsightsResolver } from './insights.resolver.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [CooperationRefresh, CooperationService, CooperationSuggestions, CooperationDigest, CooperationOverviewService, InsightsResolver],
  controllers: [CooperationDataController],
  exports: [CooperationRefresh, CooperationDigest],
})
export class InsightsModule {}
