// The embedded stack's token issuer: a development-only stand-in for Cognito, never deployed to AWS.
// Tokens carry the same claims Cognito puts in ID tokens (sub, custom:hospital, custom:role).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { ValidationError } from '../shared/domain/errors';
import { localJwtVerifier, type JwtVerifier } from '../shared/adapters/auth/jwt-verifier';
import { identifierPattern } from '../shared/config/resources';

export const localAudience = 'caregraph-local';
export { roles, type Role } from '../shared/domain/access/policy';
import { roles } from '../shared/domain/access/policy';

export interface TokenRequest {
  role: string;
  hospital: string;
  patient?: string;
  /** Lifetime like "15m", "1h", "2d"; at most 24h. */
  ttl?: string;
}

export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    private readonly publicJwk: JWK,
  ) {}

  /** Load the signing key from `keyFile` (created on first use, mode 0600) and issue as `issuer`. */
  static async open(keyFile: string, issuer: string): Promise<LocalIssuer> {
    let jwk: JWK;
    if (existsSync(keyFile)) {
      jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const pair = await generateKeyPair('ES256', { extractable: true });
      jwk = { ...(await exportJWK(pair.privateKey)), kid: randomUUID(), alg: 'ES256' };
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
    }
    const { d: _d, ...publicJwk } = jwk;
    return new LocalIssuer(issuer, await importJWK(jwk, 'ES256'), publicJwk);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async sign(request: TokenRequest): Promise<string> {
    if (!(roles as readonly string[]).includes(request.role))
      throw new ValidationError(`role must be one of ${roles.join(', ')}`, 'role');
    if (!identifierPattern.test(request.hospital))
      throw new ValidationError('hospital must be a lowercase slug', 'hospital');
    if (request.role === 'patient' && !request.patient)
      throw new ValidationError('a patient token needs --patient', 'patient');
    return new SignJWT({
      'custom:hospital': request.hospital,
      'custom:role': request.role,
      ...(request.patient ? { 'custom:patient': request.patient } : {}),
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid })
      .setSubject(`local-${request.role}-${request.hospital}`)
      .setIssuer(this.issuer)
      .setAudience(localAudience)
      .setIssuedAt()
      .setExpirationTime(ttlSeconds(request.ttl ?? '1h') + Math.floor(Date.now() / 1000))
      .sign(this.privateKey);
  }

  /** Verify as API Gateway's JWT authorizer does: signature, issuer, audience, expiry. */
  verify(token: string): Promise<JWTPayload> {
    this.verifier ??= localJwtVerifier(this.jwks(), {
      issuer: this.issuer,
      audience: localAudience,
      algorithms: ['ES256'],
    });
    return this.verifier(token);
  }

  private verifier: JwtVerifier | undefined;
}

export function ttlSeconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match) throw new ValidationError('ttl must look like 30m, 1h or 1d', 'ttl');
  const seconds =
    Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  if (seconds < 1 || seconds > 86400)
    throw new ValidationError('ttl must be between 1s and 24h', 'ttl');
  return seconds;
}
