import { type DynamicModule, Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';

/** The connection string, for the parts that hold connections of their own (job queue, realtime listener). */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, statementTimeoutMs: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: PrismaService, useFactory: () => new PrismaService(databaseUrl, { statementTimeoutMs }) },
        { provide: DATABASE_URL, useValue: databaseUrl },
      ],
      exports: [PrismaService, DATABASE_URL],
    };
  }
}
