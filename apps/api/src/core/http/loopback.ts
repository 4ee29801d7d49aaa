import type { FastifyRequest } from 'fastify';

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\])$/i;

export const isLoopbackAddress = (address: string | undefined): boolean => address !== undefined && LOOPBACK_ADDRESS.test(address);

export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOST.test(host);

/**
 * A request from this machine itself: the TCP peer is loopback and no proxy forwarded it (a proxy on the
 * same machine connects from loopback on behalf of anyone). Never `request.ip`, which trusted proxies set.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && isLoopbackAddress(request.raw.socket.remoteAddress);
}
