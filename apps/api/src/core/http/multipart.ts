import fastifyMultipart, { type FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** The plugin's hooks that only clean up files saved by `saveRequestFiles`, which Verbund never calls. */
const TEMP_FILE_HOOKS = new Set(['onRequest', 'onResponse']);

/**
 * `@fastify/multipart` with its request decorators and content-type parser, but without its two cleanup hooks:
 * they run on every request of the app (about 5 % of throughput) for temp files that only `saveRequestFiles`
 * writes. Uploads stream through `request.file()` into `upload-receiver.ts`, which removes its own partial files.
 */
export async function registerMultipart(fastify: FastifyInstance, options: FastifyMultipartOptions): Promise<void> {
  const withoutTempFileHooks = new Proxy(fastify, {
    get(target, key, receiver) {
      if (key !== 'addHook') return Reflect.get(target, key, receiver) as unknown;
      return (name: string, hook: never) => (TEMP_FILE_HOOKS.has(name) ? target : target.addHook(name as 'onRequest', hook));
    },
  });
  await new Promise<void>((resolve, reject) => fastifyMultipart(withoutTempFileHooks, options, (error?: Error) => (error ? reject(error) : resolve())));
}
