// The embedded stack's API Gateway: HTTP requests become HTTP API v2 events (JWT-authorised routes,
// the same route keys as the CDK stack) for the same API handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiEvent } from '../functions/api/http';
import { routes } from '../functions/api/routes';
import { lambdaContext, localAccount } from './aws-events';
import type { LocalIssuer } from './issuer';
import { toProblem } from '../shared/domain/problem';

export type ApiHandler = (
  event: ApiEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Routes that API Gateway serves without the JWT authorizer (as in the CDK stack). */
const publicRoutes = new Set(['GET /health']);

export interface GatewayOptions {
  host: string;
  port: number;
  handler: ApiHandler;
  issuer: LocalIssuer;
  /** Development-only discovery document served at GET /_local/stack (the CLI's --endpoint uses it). */
  info: (url: string) => unknown;
}

export async function startApiGateway(
  options: GatewayOptions,
): Promise<{ url: string; server: Server; issuer: LocalIssuer }> {
  const issuer = options.issuer;
  let url = '';
  const server = createServer((req, res) => {
    if (req.url === '/_local/stack' && req.method === 'GET')
      return send(res, 200, options.info(url));
    void handle(req, res, options.handler, issuer).catch((error) =>
      send(res, 500, toProblem(error), 'application/problem+json'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port, options.host, resolve);
  });
  url = `http://${options.host}:${(server.address() as AddressInfo).port}`;
  return { url, server, issuer };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  handler: ApiHandler,
  issuer: LocalIssuer,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    // API Gateway answers 413 itself for payloads over its 10 MB limit; the function never runs.
    // The unread rest of the body makes the connection unusable, so it is closed after the answer.
    res.setHeader('connection', 'close');
    res.on('finish', () => req.socket.destroy());
    return send(res, 413, { message: 'Request Entity Too Large' });
  }
  if (url.pathname === '/.well-known/jwks.json') return send(res, 200, issuer.jwks());
  if (url.pathname === '/_local/token' && req.method === 'POST') {
    // Development-only token endpoint of the local issuer; there is no such route on AWS.
    try {
      return send(res, 200, { token: await issuer.sign(JSON.parse(body || '{}')) });
    } catch (error) {
      return send(res, 400, toProblem(error), 'application/problem+json');
    }
  }
  const matched = matchRoute(req.method ?? 'GET', url.pathname);
  if (!matched) return send(res, 404, { message: 'Not Found' });
  let claims: Record<string, unknown> | undefined;
  if (!publicRoutes.has(matched.routeKey)) {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return send(res, 401, { message: 'Unauthorized' });
    try {
      claims = await issuer.verify(token);
    } catch {
      return send(res, 401, { message: 'Unauthorized' });
    }
  }
  const event = toEvent(req, url, body, matched, claims);
  const result = await handler(event, lambdaContext('caregraph-api'));
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : result.body);
}

function matchRoute(
  method: string,
  path: string,
): { routeKey: string; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const routeKey of Object.keys(routes)) {
    const [m, pattern] = routeKey.split(' ') as [string, string];
    const want = pattern.split('/').filter(Boolean);
    if (m !== method || want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (
      want.every((w, i) =>
        w.startsWith('{')
          ? ((params[w.slice(1, -1)] = pathSegment(parts[i]!)), true)
          : w === parts[i],
      )
    ) {
      return { routeKey, params };
    }
  }
  return undefined;
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  body: string,
  route: { routeKey: string; params: Record<string, string> },
  claims?: Record<string, unknown>,
): ApiEvent {
  const now = new Date();
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
  );
  const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(Object.keys(route.params).length ? { pathParameters: route.params } : {}),
    requestContext: {
      accountId: localAccount,
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: (claims ?? {}) as Record<string, string>, scopes: [] },
      },
    },
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  } as ApiEvent;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // API Gateway's payload limit is 10 MB.
      if (size > 10 * 1024 * 1024) {
        req.pause();
        reject(new Error('payload too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

/** A decoded path segment; a malformed escape stays as sent, so the id check rejects it with a 400. */
function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
