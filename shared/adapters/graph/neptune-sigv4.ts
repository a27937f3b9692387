// Secondary adapter support: SigV4 signing for Neptune IAM database authentication (service name
// `neptune-db`), with credentials from the default provider chain (the Lambda role in AWS).
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { GraphHttpRequest, GraphRequestSigner } from './graph-endpoint';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface NeptuneSignerOptions {
  region: string;
  /** Static credentials or a provider; default: the AWS SDK default provider chain. */
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
}

/**
 * Returns a signer that adds SigV4 headers (`authorization`, `x-amz-date`, and
 * `x-amz-security-token` for temporary credentials) for the `neptune-db` service in `region`. The
 * `host` header is signed but left out of the returned headers, because fetch derives the same
 * value from the URL and refuses to be told it.
 */
export function neptuneSigner(options: NeptuneSignerOptions): GraphRequestSigner {
  const signer = new SignatureV4({
    service: 'neptune-db',
    region: options.region,
    credentials: options.credentials ?? defaultProvider(),
    sha256: Sha256,
  });
  return async (request: GraphHttpRequest): Promise<GraphHttpRequest> => {
    const url = new URL(request.url);
    const query: Record<string, string[]> = {};
    url.searchParams.forEach((value, name) => (query[name] ??= []).push(value));
    const signed = await signer.sign(
      new HttpRequest({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query,
        headers: { ...request.headers, host: url.host },
        body: request.body,
      }),
    );
    const { host: _host, ...headers } = signed.headers;
    return { ...request, headers };
  };
}
