import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { LocalKeyRing } from './local-key-ring';

describe('Class: LocalKeyRing', () => {
  let dir: string;
  let keyFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-keyring-'));
    keyFile = join(dir, 'nested', 'keys', 'master.key');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('Method: pseudonym', () => {
    it('is a deterministic 256-bit hex HMAC for the same hospital and message', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);

      // Act
      const first = await keys.pseudonym('riverside', 'Patient/pat-001');
      const second = await keys.pseudonym('riverside', 'Patient/pat-001');
      const other = await keys.pseudonym('riverside', 'Patient/pat-002');

      // Assess
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).toBe(first);
      expect(other).not.toBe(first);
    });

    it('differs between hospitals for the same message', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);

      // Act
      const riverside = await keys.pseudonym('riverside', 'Patient/pat-001');
      const hillcrest = await keys.pseudonym('hillcrest', 'Patient/pat-001');

      // Assess
      expect(hillcrest).not.toBe(riverside);
    });

    it('differs between key files (deployments never share pseudonyms)', async () => {
      // Act
      const a = await new LocalKeyRing(join(dir, 'a.key')).pseudonym(
        'riverside',
        'Patient/pat-001',
      );
      const b = await new LocalKeyRing(join(dir, 'b.key')).pseudonym(
        'riverside',
        'Patient/pat-001',
      );

      // Assess
      expect(a).not.toBe(b);
    });
  });

  describe('Key file', () => {
    it('is created on first use, readable only by its owner, holding a base64 256-bit key', () => {
      // Act
      new LocalKeyRing(keyFile);

      // Assess
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    });

    it('is reused by a second instance, which gives the same pseudonyms and opens the same envelopes', async () => {
      // Prepare
      const first = new LocalKeyRing(keyFile);
      const contents = readFileSync(keyFile, 'utf8');
      const pseudonym = await first.pseudonym('riverside', 'Patient/pat-001');
      const envelope = await first.encrypt('riverside', Buffer.from('reminder token'));

      // Act
      const second = new LocalKeyRing(keyFile);

      // Assess
      expect(readFileSync(keyFile, 'utf8')).toBe(contents);
      expect(await second.pseudonym('riverside', 'Patient/pat-001')).toBe(pseudonym);
      expect(Buffer.from(await second.decrypt('riverside', envelope)).toString()).toBe(
        'reminder token',
      );
    });

    it('refuses a key file that does not hold a 256-bit key', () => {
      // Prepare
      const short = join(dir, 'short.key');
      writeFileSync(short, Buffer.alloc(16).toString('base64'));

      // Act
      const open = () => new LocalKeyRing(short);

      // Assess
      expect(open).toThrow('does not hold a 256-bit key');
    });
  });

  describe('Methods: encrypt and decrypt', () => {
    it('round-trips a secret for the same hospital, never storing it in clear', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);
      const secret = Buffer.from('phone +44 20 7946 0958', 'utf8');

      // Act
      const envelope = await keys.encrypt('riverside', secret);
      const opened = await keys.decrypt('riverside', envelope);

      // Assess
      expect(Buffer.from(envelope).includes(secret)).toBe(false);
      expect(Buffer.from(envelope)[0]).toBe(1);
      expect(Buffer.from(opened).equals(secret)).toBe(true);
    });

    it('uses a fresh data key and IV each time, so equal secrets give different envelopes', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);

      // Act
      const a = await keys.encrypt('riverside', Buffer.from('same'));
      const b = await keys.encrypt('riverside', Buffer.from('same'));

      // Assess
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    });

    it('refuses to open another hospital’s envelope with a ValidationError', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);
      const envelope = await keys.encrypt('riverside', Buffer.from('secret'));

      // Act
      const open = keys.decrypt('hillcrest', envelope);

      // Assess
      await expect(open).rejects.toThrow(ValidationError);
      await expect(keys.decrypt('hillcrest', envelope)).rejects.toThrow(
        'envelope failed authentication',
      );
    });

    it.each([
      ['the last ciphertext byte', (e: Buffer) => e.length - 1],
      ['a byte of the GCM tag', (e: Buffer) => 3 + e.readUInt16BE(1) + 12],
      ['a byte of the IV', (e: Buffer) => 3 + e.readUInt16BE(1)],
      ['a byte of the wrapped data key', (e: Buffer) => 3 + e.readUInt16BE(1) - 1],
    ])('refuses an envelope with %s flipped', async (_case, position) => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);
      const envelope = Buffer.from(await keys.encrypt('riverside', Buffer.from('secret value')));
      const at = position(envelope);
      envelope[at] = envelope[at]! ^ 0x01;

      // Act
      const open = keys.decrypt('riverside', envelope);

      // Assess
      await expect(open).rejects.toThrow(ValidationError);
    });

    it('refuses bytes that are not an envelope', async () => {
      // Prepare
      const keys = new LocalKeyRing(keyFile);

      // Act
      const open = keys.decrypt(
        'riverside',
        Buffer.from('{"not":"an envelope at all, just JSON"}'),
      );

      // Assess
      await expect(open).rejects.toThrow('not a caregraph envelope');
    });
  });
});
