import { Module } from '@nestjs/common';
import { ConceptCollab } from './collab/concept-collab.service.js';
import { SectionDocs } from './collab/section-docs.js';
import { ConceptCommentsService } from './concept-comments.service.js';
import { ConceptDrafting } from './concept-drafting.js';
import { ConceptSearchService } from './concept-search.service.js';
import { ConceptExportController } from './concept-export.controller.js';
import { ConceptsPersonalData } from './concepts.personal-data.js';
import { ConceptsResolver } from './concepts.resolver.js';
import { ConceptsService } from './concepts.service.js';
import { UpstreamService } from './upstream.service.js';

@Module({
  providers: [
    SectionDocs,
    ConceptCollab,
    ConceptDrafting,
    ConceptCommentsService,
    UpstreamService,
    ConceptsService,
    ConceptsResolver,
    ConceptsPersonalData,
    ConceptSearchService,
  ],
  controllers: [ConceptExportController],
  exports: [ConceptsService, UpstreamService, ConceptSearchService],
})
export class ConceptsModule {}
