import { Global, Module } from '@nestjs/common';
import { AccessLost } from './access-lost.js';
import { ViewerScopeService } from './viewer-scope.service.js';

/** "Who may see this" for every domain: what a person belongs to, looked up once per request, and what ends when they leave. */
@Global()
@Module({ providers: [ViewerScopeService, AccessLost], exports: [ViewerScopeService, AccessLost] })
export class AccessModule {}
