// Secondary adapter: bearer-token verification with jose (a well-kept JWT/JWKS library). The embedded
// gateway verifies local tokens with it; in AWS, API Gateway's JWT authorizer applies the same rules
// to Cognito tokens (issuer, audience, expiry, signature from the pool's JWKS), and a Lambda outside
// API Gateway can use `remoteJwtVerifier` with the pool's JWKS URL.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { UnauthorizedError } from '../../domain/errors';

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /**
   * Accepted signature algorithms. An explicit list is what stops `alg: none` and algorithm
   * confusion (an HS256 token "signed" with the public key): ES256 locally, RS256 for Cognito.
   */
  algorithms: string[];
  /** Seconds of clock skew tolerated for exp/nbf/iat; default 0. */
  clockToleranceSeconds?: number;
  /** The time to verify at; default now (tests pin it). */
  currentDate?: () => Date;
}

export type JwtVerifier = (token: string) => Promise<JWTPayload>;

function verifierFor(keys: JWTVerifyGetKey, options: JwtVerifierOptions): JwtVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: options.algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 0,
        requiredClaims: ['exp', 'iat', 'sub'],
        ...(options.currentDate ? { currentDate: options.currentDate() } : {}),
      });
      return payload;
    } catch (error) {
      // One message for every failure: telling an attacker which check failed helps them.
      throw new UnauthorizedError('invalid or expired token', { cause: error });
    }
  };
}

/** Verify against a key set held in memory (the embedded stack's issuer). */
export function localJwtVerifier(jwks: JSONWebKeySet, options: JwtVerifierOptions): JwtVerifier {
  return verifierFor(createLocalJWKSet(jwks), options);
}

/** Verify against a JWKS URL (Cognito: https://cognito-idp.REGION.amazonaws.com/POOL/.well-known/jwks.json). */
export function remoteJwtVerifier(jwksUrl: URL, options: JwtVerifierOptions): JwtVerifier {
  return verifierFor(createRemoteJWKSet(jwksUrl), options);
}
