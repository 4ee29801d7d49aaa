import { Module } from '@nestjs/common';
import { ConceptCommentsService } from './concept-comments.service.js';
import { ConceptDrafting } from './concept-drafting.js';
import { ConceptExportController } from './concept-export.controller.js';
import { ConceptsPersonalData } from './concepts.personal-data.js';
import { ConceptsResolver } from './concepts.resolver.js';
import { ConceptsService } from './concepts.service.js';
import { UpstreamService } from './upstream.service.js';

@Module({
  providers: [ConceptDrafting, ConceptCommentsService, UpstreamService, ConceptsService, ConceptsResolver, ConceptsPersonalData],
  controllers: [ConceptExportController],
  exports: [ConceptsService, UpstreamService],
})
export class ConceptsModule {}
