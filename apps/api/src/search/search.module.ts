import { Module } from '@nestjs/common';
import { ConceptsModule } from '../concepts/concepts.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({ imports: [MaterialsModule, ConceptsModule], providers: [SearchService, SearchResolver] })
export class SearchModule {}
