import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { localJwtVerifier } from './jwt-verifier';
import { UnauthorizedError } from '../../domain/errors';

const issuer = 'https://issuer.example';
const audience = 'caregraph-local';

async function keyPair(kid: string) {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256' };
  return { ...pair, publicJwk };
}

function claims() {
  return new SignJWT({ 'custom:hospital': 'east', 'custom:role': 'clinician' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject('user-1')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Function: localJwtVerifier', () => {
  it('accepts a well-formed token and returns its claims', async () => {
    // Prepare
    const key = await keyPair('k1');
    const verify = localJwtVerifier(
      { keys: [key.publicJwk] },
      { issuer, audience, algorithms: ['ES256'] },
    );
    // Act
    const payload = await verify(await claims().sign(key.privateKey));
    // Assess
    expect(payload).toMatchObject({ sub: 'user-1', 'custom:role': 'clinician' });
  });

  const attacks: [string, (key: Awaited<ReturnType<typeof keyPair>>) => Promise<string>][] = [
    [
      'an expired token',
      (k) =>
        claims()
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(k.privateKey),
    ],
    [
      'a token not yet valid (nbf in the future)',
      (k) => claims().setNotBefore('10m').sign(k.privateKey),
    ],
    [
      'a token for another audience',
      (k) => claims().setAudience('someone-else').sign(k.privateKey),
    ],
    [
      'a token from another issuer',
      (k) => claims().setIssuer('https://evil.example').sign(k.privateKey),
    ],
    [
      'a token without an expiry',
      (k) =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject('u')
          .setIssuer(issuer)
          .setAudience(audience)
          .setIssuedAt()
          .sign(k.privateKey),
    ],
    [
      'a forged token signed by another key with the same kid',
      async () => claims().sign((await keyPair('k1')).privateKey),
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u', iss: issuer, aud: audience, iat: now, exp: now + 600, 'custom:role': 'admin' })}.`;
      },
    ],
    [
      'an HS256 token keyed with the public key (algorithm confusion)',
      async (k) =>
        new SignJWT({ 'custom:role': 'admin' })
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .setSubject('u')
          .setIssuer(issuer)
          .setAudience(audience)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(JSON.stringify(k.publicJwk))),
    ],
    [
      'a token whose payload was edited after signing',
      async (k) => {
        const [h, , s] = (await claims().sign(k.privateKey)).split('.');
        const now = Math.floor(Date.now() / 1000);
        return `${h}.${b64({ sub: 'user-1', iss: issuer, aud: audience, iat: now, exp: now + 600, 'custom:hospital': 'west', 'custom:role': 'admin' })}.${s}`;
      },
    ],
    ['garbage', async () => 'not.a.token'],
  ];

  it.each(attacks)(
    'rejects %s with an UnauthorizedError that does not say which check failed',
    async (_name, make) => {
      // Prepare
      const key = await keyPair('k1');
      const verify = localJwtVerifier(
        { keys: [key.publicJwk] },
        { issuer, audience, algorithms: ['ES256'] },
      );
      // Act
      const outcome = verify(await make(key));
      // Assess
      await expect(outcome).rejects.toBeInstanceOf(UnauthorizedError);
      await expect(outcome).rejects.toThrow(/^invalid or expired token$/);
    },
  );
});
