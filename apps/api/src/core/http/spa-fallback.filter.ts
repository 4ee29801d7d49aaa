import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebAppPage } from './web-app-page.js';

/**
 * Client-side routes: a GET that wants HTML and matches no server route gets the web app.
 * Everything else keeps the JSON 404.
 */
@Catch(NotFoundException)
export class SpaFallbackFilter implements ExceptionFilter {
  constructor(private readonly page: WebAppPage) {}

  catch(exception: NotFoundException, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && this.page.built()) return void this.page.send(reply);
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: exception.message });
  }
}
