import { Global, Module } from '@nestjs/common';
import { SharedDocsGateway } from './shared-docs.gateway.js';
import { SharedDocs } from './shared-docs.service.js';

/** Documents written together over the realtime seam; domains register their kinds of documents. */
@Global()
@Module({ providers: [SharedDocs, SharedDocsGateway], exports: [SharedDocs] })
export class CollabModule {}
