import { type DynamicModule, Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, statementTimeoutMs: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: PrismaService, useFactory: () => new PrismaService(databaseUrl, { statementTimeoutMs }) }],
      exports: [PrismaService],
    };
  }
}
