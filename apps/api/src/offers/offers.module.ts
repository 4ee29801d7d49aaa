import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { OffersResolver } from './offers.resolver.js';
import { OffersService } from './offers.service.js';

@Module({
  imports: [MunicipalitiesModule],
  providers: [OffersService, OffersResolver],
})
export class OffersModule {}
