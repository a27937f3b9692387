// Infra test helper: build the app in-process the way `cdk synth` does (cdk.json context), minus asset bundling.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type BuildAppProps, type CaregraphApp } from './bin/app';
import { repositoryRoot } from './constructs/pipeline-function';

/** The `context` block of cdk.json: feature flags and settings the CLI would pass. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface TestApp extends CaregraphApp {
  outdir: string;
  /** Remove the temporary cloud assembly directory. */
  cleanUp(): void;
}

/**
 * The app with cdk.json's context plus `extraContext`, synthesised into a temporary directory.
 * esbuild bundling is skipped (`aws:cdk:bundling-stacks: []`): templates are identical apart from
 * the asset hash, and the tests stay fast. `npx cdk synth` bundles for real.
 */
export function buildTestApp(
  extraContext: Record<string, unknown> = {},
  options: Pick<BuildAppProps, 'complianceChecks'> = {},
): TestApp {
  const outdir = mkdtempSync(join(tmpdir(), 'caregraph-cdk-'));
  const cleanUp = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const built = buildApp({
      ...options,
      outdir,
      context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...extraContext },
    });
    return { ...built, outdir, cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
