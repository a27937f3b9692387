// Regression tests for defects found in review: each failed before its fix.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decompressIfGzip, numberedLines } from './ingest/lines';
import { parseJsonLine } from './ingest/json-line';
import { validateAndNormalise } from './preprocess/normalise';
import { patientOf } from './serving/resource-projection';
import { asCaregraphError, DependencyError, ConfigurationError, ValidationError } from './errors';
import { toProblem } from './problem';
import { sortableInstant } from './serving/records';
import { ReportBuilder } from './ingest/report';
import { LocalKeyRing } from '../adapters/local/local-key-ring';
import { decodeS3Key } from '../../functions/ingest/s3-event';
import { loadConfig } from '../config/config';

async function collect(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const l of numberedLines(stream)) lines.push(l.text);
  return lines;
}

describe('Regressions', () => {
  it('detects gzip even when the first chunk holds one byte', async () => {
    const gz = gzipSync('{"a":1}\n');
    const source = Readable.from([gz.subarray(0, 1), gz.subarray(1)]);
    expect(await collect(await decompressIfGzip(source))).toEqual(['{"a":1}']);
  });

  it('passes a network error during a gzip download to the reader instead of crashing', async () => {
    const gz = gzipSync('{"a":1}\n'.repeat(1000));
    async function* failing() {
      yield gz.subarray(0, 20);
      throw new Error('network reset');
    }
    await expect(collect(await decompressIfGzip(Readable.from(failing())))).rejects.toThrow(
      'network reset',
    );
  });

  it('rejects resourceType names that are Object prototype members with a clear reason', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(() => validateAndNormalise({ resourceType: name, id: '1' })).toThrow(
        /is not a FHIR R4 resource type/,
      );
    }
  });

  it('calls a line cut off after a complete value truncated', () => {
    expect(() => parseJsonLine('{"name":"Alice Smith"')).toThrow(/truncated/);
  });

  it('accepts versioned and absolute Patient references', () => {
    const o = { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' } };
    expect(patientOf({ ...o, subject: { reference: 'Patient/1/_history/2' } })).toBe('1');
    expect(patientOf({ ...o, subject: { reference: 'https://fhir.example/r4/Patient/1' } })).toBe(
      '1',
    );
    expect(patientOf({ ...o, subject: { reference: 'Group/1' } })).toBeUndefined();
  });

  it('treats Node connection failures as retryable dependency errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const e = asCaregraphError(refused);
    expect(e).toBeInstanceOf(DependencyError);
    expect(e.retryable).toBe(true);
  });

  it('does not reveal configuration or dependency detail to API callers', () => {
    expect(
      toProblem(new ConfigurationError('CAREGRAPH_KMS_KEY_ID is not set')).detail,
    ).not.toContain('KMS');
    expect(toProblem(new DependencyError('bucket secret-bucket unavailable')).detail).not.toContain(
      'secret-bucket',
    );
  });

  it('orders observation times across zones by the instant', () => {
    expect(
      sortableInstant('2024-01-02T01:00:00+05:00') < sortableInstant('2024-01-01T22:00:00Z'),
    ).toBe(true);
    expect(sortableInstant('2024-01')).toBe('2024-01');
  });

  it('builds the same report twice without growing its errors', () => {
    const builder = new ReportBuilder();
    const base = { file: 'f', batch: 'b', hospital: 'h', key: 'k', startedAt: 't' };
    expect(builder.build(base, 't').errors).toHaveLength(1);
    expect(builder.build(base, 't').errors).toHaveLength(1);
  });

  it('rejects a truncated envelope with a ValidationError, not a crypto TypeError', async () => {
    const ring = new LocalKeyRing(join(mkdtempSync(join(tmpdir(), 'cg-')), 'k'));
    const sealed = await ring.encrypt('h', Buffer.from('secret'));
    for (const cut of [66, 70, 89]) {
      await expect(ring.decrypt('h', sealed.subarray(0, cut))).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
  });

  it('turns a malformed key escape into a ValidationError', () => {
    expect(() => decodeS3Key('raw/h/b/%E0%A4%A')).toThrow(ValidationError);
  });

  it('refuses an unknown CAREGRAPH_MODE instead of silently running in AWS mode', () => {
    expect(() => loadConfig({ CAREGRAPH_MODE: 'Local' })).toThrow(ConfigurationError);
  });
});
