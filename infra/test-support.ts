// Infra test helper: build the app in-process the way `cdk synth` does (cdk.json context), minus asset bundling.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
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

/** A synthesized resource as the assertions read it. */
export type TemplateResource = {
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  Metadata?: { cdk_nag?: { rules_to_suppress?: { id: string; reason: string }[] } };
};
/** One IAM policy statement of a synthesized policy document. */
export type TemplateStatement = {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};

/** An IAM Action or Resource field as a list. */
export const asList = (value: string | string[]): string[] =>
  Array.isArray(value) ? value : [value];

/** The one resource of a `findResources` result; fails the test unless there is exactly one. */
export const only = (resources: Record<string, unknown>): TemplateResource => {
  const values = Object.values(resources) as TemplateResource[];
  expect(values).toHaveLength(1);
  return values[0]!;
};

/** The statements of the managed policy attached to the role whose reference matches `pattern`. */
export const statementsOfRole = (template: Template, pattern: RegExp): TemplateStatement[] => {
  const policy = (
    Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as TemplateResource[]
  ).find((p) => pattern.test(JSON.stringify(p.Properties.Roles)));
  if (!policy) throw new Error(`no managed policy for a role matching ${pattern}`);
  return (policy.Properties.PolicyDocument as { Statement: TemplateStatement[] }).Statement;
};
