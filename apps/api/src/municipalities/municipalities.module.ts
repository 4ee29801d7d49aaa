import { Module } from '@nestjs/common';
import { MapDataController } from './map-data.controller.js';
import { MunicipalitiesResolver } from './municipalities.resolver.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { MunicipalityLoaders } from './municipality.loaders.js';
import { Neighbourhood } from './neighbourhood.js';
import { NeighboursService } from './neighbours.service.js';

@Module({
  providers: [MunicipalitiesService, Neighbourhood, NeighboursService, MunicipalityLoaders, MunicipalitiesResolver],
  controllers: [MapDataController],
  exports: [MunicipalitiesService, Neighbourhood],
})
export class MunicipalitiesModule {}
