import { Module } from '@nestjs/common';
import { ConceptDrafting } from './concept-drafting.js';
import { ConceptsPersonalData } from './concepts.personal-data.js';
import { ConceptsResolver } from './concepts.resolver.js';
import { ConceptsService } from './concepts.service.js';
import { UpstreamService } from './upstream.service.js';

@Module({
  providers: [ConceptDrafting, UpstreamService, ConceptsService, ConceptsResolver, ConceptsPersonalData],
  exports: [ConceptsService, UpstreamService],
})
export class ConceptsModule {}
