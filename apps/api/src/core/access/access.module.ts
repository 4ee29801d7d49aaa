import { Global, Module } from '@nestjs/common';
import { ViewerScopeService } from './viewer-scope.service.js';

/** "Who may see this" for every domain: what a person belongs to, looked up once per request. */
@Global()
@Module({ providers: [ViewerScopeService], exports: [ViewerScopeService] })
export class AccessModule {}
