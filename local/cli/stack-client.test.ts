// Unit tests (CLI stack client): --endpoint must be a URL, and a report is read at least once.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand, UsageError } from './io';
import { findStack, pollReport } from './stack-client';
import { tokenCommand } from './commands/token';

describe('Function: findStack', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['notaurl', '127.0.0.1:3000', 'ftp://127.0.0.1:3000'])(
    'refuses --endpoint %s as a usage error naming the flag, with an example',
    async (endpoint) => {
      await expect(findStack(endpoint)).rejects.toThrow(UsageError);
      await expect(findStack(endpoint)).rejects.toThrow(
        `--endpoint "${endpoint}" is not an http(s) URL; give the API URL "caregraph start" prints, e.g. --endpoint http://127.0.0.1:3000`,
      );
    },
  );

  it('makes a command exit 2 on it, not print a TypeError', async () => {
    // Prepare
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    // Act
    const code = await runCommand(tokenCommand, [
      ...['--role', 'clinician', '--hospital', 'demo-general', '--endpoint', 'notaurl'],
    ]);
    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(/^caregraph token: --endpoint "notaurl" is not an http\(s\) URL/);
    expect(stderr).not.toMatch(/TypeError|Invalid URL/);
  });
});

describe('Function: pollReport', () => {
  it('reads the report once with no time left, and answers undefined while there is none', async () => {
    // Prepare
    const send = vi.fn(async () => {
      throw Object.assign(new Error('no such key'), { name: 'NoSuchKey' });
    });
    const s3 = { send } as unknown as S3Client;
    // Act
    const report = await pollReport(s3, 'curated', 'north', 'b1', 'Patient.ndjson', 0);
    // Assess
    expect(report).toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
