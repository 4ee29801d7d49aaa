import { Global, Module } from '@nestjs/common';
import { SearchWords } from './search-words.service.js';

/** The German search shared by materials and concepts. */
@Global()
@Module({ providers: [SearchWords], exports: [SearchWords] })
export class SearchWordsModule {}
