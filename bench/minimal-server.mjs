// Reference: the framework alone (Nest + Mercurius on Fastify, graphql-jit, one resolver, no logger), measured
// in the same run to show what the layers Verbund adds cost.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import { FastifyAdapter } from '@nestjs/platform-fastify';

class HelloResolver {
  hello() {
    return 'world';
  }
}
Reflect.decorate([Query(() => String)], HelloResolver.prototype, 'hello', Object.getOwnPropertyDescriptor(HelloResolver.prototype, 'hello'));
Reflect.decorate([Resolver()], HelloResolver);

class MinimalModule {}
Reflect.decorate(
  [Module({ imports: [GraphQLModule.forRoot({ driver: MercuriusDriver, autoSchemaFile: true, jit: 1, graphiql: false })], providers: [HelloResolver] })],
  MinimalModule,
);

const app = await NestFactory.create(MinimalModule, new FastifyAdapter(), { logger: false });
app
  .getHttpAdapter()
  .getInstance()
  .get('/healthz', async () => ({ ok: true }));
await app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
