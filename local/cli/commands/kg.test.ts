// Tests (CLI): `caregraph kg` finds the stack as every stack command does: --endpoint, else
// stack.json in the data directory (--data-dir DIR, default .caregraph).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../io';
import { kgCommand } from './kg';

describe('Command: caregraph kg --data-dir', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  let server: Server | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
    [stdout, stderr] = ['', ''];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    if (server) await new Promise((done) => server!.close(done));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('queries the SPARQL endpoint of the stack.json in DIR', async () => {
    // Prepare: a SPARQL endpoint answering ASK, named by DIR/stack.json
    const queries: string[] = [];
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += String(chunk)));
      request.on('end', () => {
        queries.push(`${request.url} ${new URLSearchParams(body).get('query')}`);
        response.setHeader('content-type', 'application/sparql-results+json');
        response.end(JSON.stringify({ head: {}, boolean: true }));
      });
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const sparql = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const local = 'http://127.0.0.1:1';
    writeFileSync(
      join(dir, 'stack.json'),
      JSON.stringify({
        api: local,
        s3: local,
        dynamodb: local,
        sparql,
        model: local,
        dataDir: dir,
      }),
    );
    // Act
    const code = await runCommand(kgCommand, ['query', 'ASK { ?s ?p ?o }', '--data-dir', dir]);
    // Assess
    expect(code, stderr).toBe(0);
    expect(queries).toEqual(['/sparql ASK { ?s ?p ?o }']);
    expect(stdout.trim()).toBe('true');
  });

  it('without a stack in DIR, exits 1 naming DIR/stack.json (not a usage error)', async () => {
    // Act
    const code = await runCommand(kgCommand, ['query', 'ASK {}', '--data-dir', join(dir, 'none')]);
    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain(`no running stack: ${join(dir, 'none', 'stack.json')} not found`);
  });
});
