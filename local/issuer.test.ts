import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError, ValidationError } from '../shared/domain/errors';
import { LocalIssuer, localAudience, ttlSeconds } from './issuer';

const issuerUrl = 'http://127.0.0.1:3000/local-issuer';

describe('Class: LocalIssuer', () => {
  let dir: string;
  let keyFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-issuer-'));
    keyFile = join(dir, 'keys', 'issuer.jwk.json');
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a token that it verifies, with the Cognito-style hospital and role claims', async () => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);

    // Act
    const token = await issuer.sign({ role: 'clinician', hospital: 'riverside', ttl: '15m' });
    const claims = await issuer.verify(token);

    // Assess
    expect(claims).toMatchObject({
      sub: 'local-clinician-riverside',
      iss: issuerUrl,
      aud: localAudience,
      token_use: 'id',
      'custom:hospital': 'riverside',
      'custom:role': 'clinician',
    });
    expect(claims).not.toHaveProperty('custom:patient');
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
  });

  it('puts the patient claim in a patient token', async () => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);

    // Act
    const claims = await issuer.verify(
      await issuer.sign({ role: 'patient', hospital: 'riverside', patient: 'pat-001' }),
    );

    // Assess
    expect(claims).toMatchObject({ 'custom:role': 'patient', 'custom:patient': 'pat-001' });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('rejects an expired token with an UnauthorizedError', async () => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);
    const token = await issuer.sign({ role: 'clinician', hospital: 'riverside', ttl: '1m' });
    await expect(issuer.verify(token)).resolves.toMatchObject({ 'custom:role': 'clinician' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 60_000);

    // Act
    const verify = issuer.verify(token);

    // Assess
    await expect(verify).rejects.toThrow(UnauthorizedError);
  });

  it('rejects a token signed by another issuer key', async () => {
    // Prepare
    const ours = await LocalIssuer.open(keyFile, issuerUrl);
    const foreign = await LocalIssuer.open(join(dir, 'other.jwk.json'), issuerUrl);
    const token = await foreign.sign({ role: 'admin', hospital: 'riverside' });

    // Act
    const verify = ours.verify(token);

    // Assess
    await expect(verify).rejects.toThrow(UnauthorizedError);
    await expect(ours.verify(token)).rejects.toThrow('invalid or expired token');
  });

  it('rejects a token whose claims were edited after signing', async () => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);
    const [header, payload, signature] = (
      await issuer.sign({ role: 'clinician', hospital: 'riverside' })
    ).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, 'custom:hospital': 'hillcrest' }),
    ).toString('base64url');

    // Act
    const verify = issuer.verify(`${header}.${forged}.${signature}`);

    // Assess
    await expect(verify).rejects.toThrow(UnauthorizedError);
  });

  it('rejects a token from the same key but another issuer URL', async () => {
    // Prepare
    const token = await (
      await LocalIssuer.open(keyFile, 'http://elsewhere/issuer')
    ).sign({ role: 'clinician', hospital: 'riverside' });
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);

    // Act
    const verify = issuer.verify(token);

    // Assess
    await expect(verify).rejects.toThrow(UnauthorizedError);
  });

  it.each([
    [
      'an unknown role',
      { role: 'superuser', hospital: 'riverside' },
      'role',
      /role must be one of clinician, patient, hospital-uploader, data-scientist, admin/,
    ],
    [
      'a hospital that is not a slug',
      { role: 'clinician', hospital: 'River Side' },
      'hospital',
      /hospital must be a lowercase slug/,
    ],
    [
      'a patient token without a patient',
      { role: 'patient', hospital: 'riverside' },
      'patient',
      /needs --patient/,
    ],
    [
      'a ttl in the wrong format',
      { role: 'clinician', hospital: 'riverside', ttl: '2 hours' },
      'ttl',
      /ttl must look like/,
    ],
    [
      'a ttl over 24h',
      { role: 'clinician', hospital: 'riverside', ttl: '25h' },
      'ttl',
      /between 1s and 24h/,
    ],
    [
      'a zero ttl',
      { role: 'clinician', hospital: 'riverside', ttl: '0s' },
      'ttl',
      /between 1s and 24h/,
    ],
  ])('refuses to sign %s, naming the field', async (_case, request, field, message) => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);

    // Act
    const sign = issuer.sign(request);

    // Assess
    await expect(sign).rejects.toThrow(ValidationError);
    await expect(issuer.sign(request)).rejects.toThrow(message);
    await expect(issuer.sign(request)).rejects.toMatchObject({ path: field });
  });

  it('persists its signing key (mode 0600) and reuses it, so tokens survive a restart', async () => {
    // Prepare
    const before = await LocalIssuer.open(keyFile, issuerUrl);
    const token = await before.sign({ role: 'hospital-uploader', hospital: 'riverside' });

    // Act
    const after = await LocalIssuer.open(keyFile, issuerUrl);

    // Assess
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(after.jwks()).toEqual(before.jwks());
    await expect(after.verify(token)).resolves.toMatchObject({
      'custom:role': 'hospital-uploader',
    });
  });

  it('publishes only the public key in its JWKS', async () => {
    // Prepare
    const issuer = await LocalIssuer.open(keyFile, issuerUrl);

    // Act
    const { keys } = issuer.jwks();

    // Assess
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      kid: expect.any(String),
    });
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('Function: ttlSeconds', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
    ['1d', 86_400],
    ['24h', 86_400],
  ])('reads %s as %i seconds', (ttl, seconds) => {
    // Act
    const result = ttlSeconds(ttl);

    // Assess
    expect(result).toBe(seconds);
  });

  it.each(['2d', '90000s', '1w', '-1h', '1.5h', ''])(
    'rejects %j with a ValidationError on ttl',
    (ttl) => {
      // Act
      const parse = () => ttlSeconds(ttl);

      // Assess
      expect(parse).toThrow(ValidationError);
      expect(parse).toThrow(expect.objectContaining({ path: 'ttl' }));
    },
  );
});
