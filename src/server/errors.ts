import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../shared/errors.ts';

/**
 * The one error handler: every failure leaves as
 * `{ error: { code, message, details } }` with the code's status. Unexpected
 * errors are logged with their stack and answered without one.
 */
export function installErrorHandling(app: FastifyInstance, { spaFallback }: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    if (appError.code === 'LOGIN_THROTTLED' || appError.code === 'RATE_LIMITED') {
      const seconds = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (seconds) void reply.header('retry-after', String(seconds));
    }
    return reply.code(appError.status).send({ error: { code: appError.code, message: appError.message, details: appError.details ?? null } });
  });

  app.setNotFoundHandler((request, reply) => {
    // Paths of the web app's own pages are answered with the app, which routes them.
    if (spaFallback && request.method === 'GET' && !/^\/(api|docs)\//.test(request.url)) return reply.sendFile('index.html');
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}`, details: null } });
  });
}

/**
 * Errors Fastify meets before any route runs (a path parameter over the router's length limit, a
 * malformed URL): answered in the same shape as every other failure, with Fastify's status.
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  void reply.code(error.statusCode ?? 400).send({ error: { code: 'BAD_REQUEST', message: error.message, details: null } });
}

const DATABASE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', 'SQLITE_BUSY']);
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
};

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details = error.validation.map((v) => ({ path: `${where}${v.instancePath.replaceAll('/', '.')}`, message: v.message }));
    return new AppError('VALIDATION_FAILED', `invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return new AppError('VALIDATION_FAILED', `invalid input: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`, details);
  }
  if (isResponseSerializationError(error)) return new AppError('INTERNAL', 'the server produced an invalid response; it has been logged');
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped, error.message);
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', error.message);
  if (DATABASE_DOWN.has(error.code ?? '') || /Connection terminated|connect ECONNREFUSED|is not queryable/.test(error.message)) {
    return new AppError('DATABASE_UNAVAILABLE', 'the database is unavailable; try again shortly');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('BAD_REQUEST', error.message);
  return new AppError('INTERNAL', 'an unexpected error occurred; it has been logged');
}
