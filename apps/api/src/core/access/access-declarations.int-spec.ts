import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ACCESS_POLICY } from './access.decorator.js';

// Nest's own metadata keys for resolver and socket handlers.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const SOCKET_MESSAGE = 'message';

describe('every operation declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  function handlers() {
    const reflector = t.app.get(Reflector);
    const scanner = t.app.get(MetadataScanner);
    const found: { kind: string; name: string; policy: unknown }[] = [];
    const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()]);
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        const message = Reflect.getMetadata(SOCKET_MESSAGE, handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription' && !message) continue;
        const policy = reflector.getAllAndOverride(ACCESS_POLICY, [handler, instance.constructor]);
        const name = message ?? (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
        found.push({ kind: message ? 'socket' : type!, name, policy });
      }
    }
    return found;
  }

  it('covers every Query and Mutation field of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const declared = new Set(
      handlers()
        .filter((h) => h.kind !== 'socket')
        .map((h) => `${h.kind}.${h.name}`),
    );
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f) => !declared.has(f))).toEqual([]);
  });

  it('finds no operation or socket event without an access policy', () => {
    const all = handlers();
    expect(all.some((h) => h.kind === 'socket')).toBe(true);
    expect(all.filter((h) => h.policy === undefined).map((h) => `${h.kind} ${h.name}`)).toEqual([]);
  });
});
