import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply } from 'fastify';

/**
 * Cookies without @fastify/cookie: that plugin adds an onSend hook to every response, and Verbund sets cookies
 * on a handful of routes only (bench/README.md).
 */
/** A later call for the same cookie replaces the earlier one (a login clears the old session, then sets the new). */
export function setCookie(reply: FastifyReply, name: string, value: string, options: SerializeOptions): FastifyReply {
  const earlier = reply.getHeader('set-cookie');
  const others = (Array.isArray(earlier) ? earlier : earlier === undefined ? [] : [String(earlier)]).filter((c) => !c.startsWith(`${name}=`));
  // Fastify appends to an existing Set-Cookie, so the list is replaced as a whole.
  reply.removeHeader('set-cookie');
  return reply.header('set-cookie', [...others, serialize(name, value, options)]);
}

export function clearCookie(reply: FastifyReply, name: string, options: SerializeOptions): FastifyReply {
  return setCookie(reply, name, '', { ...options, maxAge: 0, expires: new Date(0) });
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}
