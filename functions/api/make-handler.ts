// Primary adapter: API Gateway HTTP API v2 events -> routes; every failure becomes an RFC 9457 problem.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Observability } from '../../shared/adapters/observability';
import type { Dependencies } from '../../shared/adapters/composition';
import { ConfigurationError, NotFoundError, asCaregraphError } from '../../shared/domain/errors';
import { problem, type ApiEvent, type ApiResult } from './http';
import type { ApiDeps } from './guarded';
import { routes } from './routes';

/** The API's dependencies from the composition root; the API refuses to run without its audit trail. */
export function apiDependencies(deps: Dependencies): ApiDeps {
  if (!deps.audit)
    throw new ConfigurationError('the API needs the audit table (CAREGRAPH_AUDIT_TABLE)');
  return {
    serving: deps.serving,
    objects: deps.objects,
    audit: deps.audit,
    clock: deps.clock,
    graph: deps.graph,
    keys: deps.keys,
    events: deps.events,
    predictions: { predictor: deps.predictor, models: deps.config.models.endpoints },
  };
}

export function makeApiHandler(deps: ApiDeps, { logger, metrics }: Observability) {
  return middy(async (event: ApiEvent, _context: Context): Promise<ApiResult> => {
    // The route template (`/patients/{id}`), never the raw path: a path parameter may be an
    // identifier typed where a pseudonym belongs (an MRN), and a problem must not echo it.
    const instance = event.routeKey.split(' ')[1] ?? '';
    try {
      const exact = routes[event.routeKey];
      const route = exact
        ? { handler: exact, params: event.pathParameters ?? {} }
        : matchRoute(event);
      if (!route)
        throw new NotFoundError(`no ${event.requestContext.http.method} route matches this path`);
      return await route.handler(deps, event, route.params as Record<string, string>);
    } catch (error) {
      const e = asCaregraphError(error);
      // Log the class and status only: messages about records are PHI-free by design, values never logged.
      if (e.status >= 500)
        logger.error('request failed', {
          route: event.routeKey,
          error: e.name,
          cause: String((e.cause as Error)?.name ?? ''),
        });
      return problem(e, instance);
    }
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}

/** `$default` routes (and the local gateway) match the path against the route table here. */
function matchRoute(
  event: ApiEvent,
): { handler: (typeof routes)[string]; params: Record<string, string> } | undefined {
  const method = event.requestContext.http.method;
  const parts = event.rawPath.split('/').filter(Boolean);
  for (const [routeKey, handler] of Object.entries(routes)) {
    const [m, pattern] = routeKey.split(' ') as [string, string];
    if (m !== method) continue;
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((w, i) =>
      w.startsWith('{')
        ? ((params[w.slice(1, -1)] = pathSegment(parts[i]!)), true)
        : w === parts[i],
    );
    if (ok) return { handler, params };
  }
  return undefined;
}

/** A decoded path segment; a malformed escape stays as sent, so the id check rejects it with a 400. */
function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
