import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { neptuneSigner } from './neptune-sigv4';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const request = {
  method: 'POST' as const,
  url: 'https://db.cluster-abc.eu-west-1.neptune.amazonaws.com:8182/sparql',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/sparql-results+json',
  },
  body: 'query=ASK+%7B%7D',
};

describe('Function: neptuneSigner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('adds a SigV4 Authorization header scoped to neptune-db in the region', async () => {
    // Act
    const signed = await neptuneSigner({ region: 'eu-west-1', credentials })(request);

    // Assess
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20250301\/eu-west-1\/neptune-db\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(signed.headers['x-amz-date']).toBe('20250301T120000Z');
    expect(signed.headers).not.toHaveProperty('host');
    expect(signed.body).toBe(request.body);
  });

  it('adds the session token of temporary credentials', async () => {
    // Act
    const signed = await neptuneSigner({
      region: 'eu-west-1',
      credentials: { ...credentials, sessionToken: 'TOKEN' },
    })(request);

    // Assess
    expect(signed.headers['x-amz-security-token']).toBe('TOKEN');
  });

  it('signs the body, so a different query yields a different signature', async () => {
    // Prepare
    const sign = neptuneSigner({ region: 'eu-west-1', credentials });
    const signature = (headers: Record<string, string>) =>
      headers.authorization?.split('Signature=')[1];

    // Act
    const first = await sign(request);
    const again = await sign(request);
    const other = await sign({ ...request, body: 'query=ASK+%7B%3Fs+%3Fp+%3Fo%7D' });

    // Assess
    expect(signature(again.headers)).toBe(signature(first.headers));
    expect(signature(other.headers)).not.toBe(signature(first.headers));
  });
});
