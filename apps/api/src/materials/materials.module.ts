import { Module } from '@nestjs/common';
import { MaterialsPersonalData } from './materials.personal-data.js';
import { DownloadsController } from './downloads.controller.js';
import { MaterialsResolver } from './materials.resolver.js';
import { MaterialsService } from './materials.service.js';
import { MaterialSearchService } from './search/material-search.service.js';
import { UploadsController } from './uploads/uploads.controller.js';
import { UploadsService } from './uploads/uploads.service.js';

@Module({
  providers: [MaterialsPersonalData, UploadsService, MaterialsService, MaterialSearchService, MaterialsResolver],
  controllers: [UploadsController, DownloadsController],
  exports: [MaterialsService, UploadsService, MaterialSearchService],
})
export class MaterialsModule {}
