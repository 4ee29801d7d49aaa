import { GermanPlaces } from './german-places.js';
import { OpenToRules } from './open-to.js';
import { Module } from '@nestjs/common';
import { MapDataController } from './map-data.controller.js';
import { MunicipalitiesResolver } from './municipalities.resolver.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { MunicipalityLoaders } from './municipality.loaders.js';
import { Neighbourhood } from './neighbourhood.js';
import { NeighboursService } from './neighbours.service.js';

@Module({
  providers: [MunicipalitiesService, Neighbourhood, OpenToRules, GermanPlaces, NeighboursService, MunicipalityLoaders, MunicipalitiesResolver],
  controllers: [MapDataController],
  exports: [MunicipalitiesService, Neighbourhood, NeighboursService, OpenToRules, GermanPlaces],
})
export class MunicipalitiesModule {}
