import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/*
 * One log line per request instead of Fastify's two ("incoming request" and
 * "request completed", each passing the request or the reply through pino's
 * serializers). The line says what the two said together: method, URL, status
 * and time, under the request's id. Errors, 404s and stream failures are
 * logged as Fastify logs them.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Said by the completion line.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
