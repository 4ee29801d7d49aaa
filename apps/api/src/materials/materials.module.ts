import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { DownloadsController } from './downloads.controller.js';
import { GroupMaterialsResolver, MaterialsResolver } from './materials.resolver.js';
import { MaterialsService } from './materials.service.js';
import { MaterialSearchService } from './search/material-search.service.js';
import { UploadsController } from './uploads/uploads.controller.js';
import { UploadsService } from './uploads/uploads.service.js';

@Module({
  imports: [GroupsModule],
  providers: [UploadsService, MaterialsService, MaterialSearchService, MaterialsResolver, GroupMaterialsResolver],
  controllers: [UploadsController, DownloadsController],
  exports: [MaterialsService, UploadsService],
})
export class MaterialsModule {}
