// Integration: the feature pipeline over a synthetic export ingested into the embedded stack:
// training files in the curated bucket, the latest vector per patient in the serving table, and
// GET /patients/{id}/features with provenance, checked against the generator's ground truth.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import {
  buildFeatureSet,
  featureFiles,
  featureKey,
  type PatientFeatures,
} from '../shared/domain/features/build';
import { featureSpecVersion } from '../shared/domain/features/spec';
import type { FittedTransform } from '../shared/domain/features/transform';
import { writeCohort } from '../local/synth/write-cohort';
import { parseCsv } from '../training/tabular/csv';
import { encodeRows } from '../training/tabular/encoding';
import { readModelDirectory, writeModelDirectory } from '../training/tabular/model-files';
import { trainTabular } from '../training/tabular/train-tabular';
import { patientRow } from '../local/cli/commands/patient-row';
import { apiGet, startTestStack, type TestStack } from './helpers/stack';

const hospital = 'synthetic-general';
const at = new Date('2026-01-01T00:00:00Z');

describe('Use case: buildFeatureSet (a synthetic hospital)', () => {
  let stack: TestStack;
  let dir: string;
  let truth: { patientId: string; key: string; status: string }[];

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'caregraph-features-')), 'cohort');
    await writeCohort({
      patients: 40,
      seed: 11,
      hospital,
      dirtyRate: 0,
      asOf: '2026-01-01',
      out: dir,
      workers: 1,
    });
    truth = readFileSync(join(dir, 'truth', 'conditions.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    stack = await startTestStack();
    const upload = (name: string) =>
      stack.deps.objects.put(
        'raw',
        keyLayout.raw(hospital, 'b1', `fhir/${name}`),
        readFileSync(join(dir, 'fhir', name)),
      );
    await upload('Patient.ndjson');
    await stack.settled();
    for (const f of readdirSync(join(dir, 'fhir')).filter(
      (f) => f.endsWith('.ndjson') && f !== 'Patient.ndjson',
    ))
      await upload(f);
    await stack.settled();
    // A cohort written and ingested end to end: more than vitest's 60 s on a loaded 2-core machine.
  }, 180_000);
  afterAll(async () => stack?.stop());

  /** The feature build's raw.csv, parsed. */
  const readRawTable = async () =>
    parseCsv(
      (await stack.deps.objects.getText(
        'curated',
        keyLayout.features(hospital, featureSpecVersion, featureFiles.rawTable),
      ))!,
      'raw.csv',
    );

  it('writes the training matrix, raw vectors and fitted transform, one row per patient', async () => {
    // Act
    const summary = await buildFeatureSet(stack.deps, hospital, at);
    // Assess
    expect(summary.patients).toBe(40);
    const key = (f: string) => keyLayout.features(hospital, featureSpecVersion, f);
    const matrix = (await stack.deps.objects.getText('curated', key(featureFiles.matrix)))!
      .trim()
      .split('\n');
    const transform = JSON.parse(
      (await stack.deps.objects.getText('curated', key(featureFiles.transform)))!,
    ) as FittedTransform;
    expect(matrix).toHaveLength(41);
    expect(matrix[0]!.split(',')).toEqual(['patient', ...transform.names]);
    for (const row of matrix.slice(1))
      expect(
        row
          .split(',')
          .slice(1)
          .every((v) => Number.isFinite(Number(v))),
      ).toBe(true);
    expect(transform.rows).toBe(40);
  });

  it('fails, rather than hangs, when an upload of the build fails part-way', async () => {
    // Arrange: every streaming upload reads nothing and fails, as S3 throttling would end it; the
    // raw vectors of 40 patients are more than the stream's buffer.
    const failing = Object.assign(Object.create(stack.deps.objects) as typeof stack.deps.objects, {
      putStream: () =>
        new Promise<void>((_, reject) => setTimeout(() => reject(new Error('SlowDown')), 20)),
    });
    // Act and assess
    await expect(
      buildFeatureSet({ ...stack.deps, objects: failing }, hospital, at),
    ).rejects.toThrow('SlowDown');
  });

  it('writes raw.csv: the stored raw features by name, one row per patient', async () => {
    // Act
    await buildFeatureSet(stack.deps, hospital, at);
    // Assess
    const table = await readRawTable();
    expect(table.rows).toHaveLength(40);
    expect(table.header[0]).toBe('patient');
    const [first] = table.rows;
    const item = await stack.deps.serving.get(
      featureKey(hospital, first![0]!).pk,
      featureKey(hospital, first![0]!).sk,
    );
    const raw = item!.raw as Record<string, { value: number | string | null }>;
    expect(table.header.slice(1)).toEqual(Object.keys(raw));
    expect(first!.slice(1)).toEqual(
      Object.values(raw).map((f) => (f.value === null ? '' : String(f.value))),
    );
  });

  it('trains a model on raw.csv that GET /patients/{id}/predictions serves as the CLI scores it', async () => {
    // Prepare: label each row of raw.csv with the generator's hypertension, trained without the flag
    await buildFeatureSet(stack.deps, hospital, at);
    const table = await readRawTable();
    const hypertensive = new Set<string>();
    for (const c of truth.filter((t) => t.key === 'hypertension' && t.status === 'active'))
      hypertensive.add(await pseudonymousId(stack.deps.keys, hospital, 'Patient', c.patientId));
    const labelled = {
      ...table,
      header: [...table.header, 'htn'],
      rows: table.rows.map((r) => [...r, hypertensive.has(r[0]!) ? '1' : '0']),
    };
    const trained = await trainTabular({
      table: labelled,
      label: 'htn',
      positive: { equals: '1' },
      model: 'logreg',
      cv: 3,
      exclude: ['patient', 'condition_hypertension'],
      name: 'cvd-risk',
      trainedAt: at,
    });
    const modelDir = join(stack.dataDir, 'models', 'cvd-risk');
    await writeModelDirectory(modelDir, trained.document, trained.card);
    const id = table.rows[0]![0]!;
    const features = (
      await apiGet(
        stack,
        `/patients/${id}/features?recompute=true&at=${at.toISOString()}`,
        hospital,
      )
    ).body as unknown as PatientFeatures;
    const saved = await readModelDirectory(modelDir);
    const x = encodeRows(patientRow(features, saved.encoding!, 'raw').table, saved.encoding!);
    const [local] = saved.model.predict([Array.from(x.data)]);
    // Act
    const response = await apiGet(
      stack,
      `/patients/${id}/predictions?at=${at.toISOString()}`,
      hospital,
    );
    // Assess
    expect(response.status).toBe(200);
    const body = response.body as { prediction: { probability: number }; model: { name: string } };
    expect(body.model.name).toBe('cvd-risk');
    expect(body.prediction.probability).toBe(local!.probability);
  });

  it('flags exactly the conditions the generator says each patient has (active ones)', async () => {
    await buildFeatureSet(stack.deps, hospital, at);
    let checked = 0;
    let positives = 0;
    for (const [key, flag] of [
      ['hypertension', 'condition_hypertension'],
      ['type2-diabetes', 'condition_type2_diabetes'],
      ['asthma', 'condition_asthma'],
    ] as const) {
      const truePatients = new Set(
        truth.filter((c) => c.key === key && c.status === 'active').map((c) => c.patientId),
      );
      for (const id of new Set(truth.map((c) => c.patientId))) {
        const pid = await pseudonymousId(stack.deps.keys, hospital, 'Patient', id);
        const item = await stack.deps.serving.get(
          featureKey(hospital, pid).pk,
          featureKey(hospital, pid).sk,
        );
        const raw = item!.raw as Record<string, { value: number }>;
        expect(raw[flag]!.value, `${id} ${flag}`).toBe(truePatients.has(id) ? 1 : 0);
        checked++;
        if (truePatients.has(id)) positives++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(positives).toBeGreaterThan(0); // the cohort has patients with these conditions
  });

  it('serves a patient vector with provenance through the API, stored or recomputed', async () => {
    const [first] = (await apiGet(stack, '/patients?limit=1', hospital)).body.items!;
    const stored = (await apiGet(stack, `/patients/${first!.id}/features`, hospital))
      .body as unknown as PatientFeatures;
    const fresh = (
      await apiGet(
        stack,
        `/patients/${first!.id}/features?recompute=true&at=${at.toISOString()}`,
        hospital,
      )
    ).body as unknown as PatientFeatures;
    expect(stored.origin).toBe('stored');
    expect(fresh.origin).toBe('computed');
    expect(fresh.vector!.values).toEqual(stored.vector!.values);
    expect(stored.features.age_years!.provenance.sources).toEqual([`Patient/${first!.id}`]);
    const sbp = stored.features.sbp_latest!;
    if (sbp.value !== null) expect(sbp.provenance.sources[0]).toMatch(/^Observation\//);
    expect((await apiGet(stack, `/patients/${first!.id}/features`, 'other-hospital')).status).toBe(
      404,
    );
  });

  it("computes risk scores from the stored record, with each input's source", async () => {
    const [first] = (await apiGet(stack, '/patients?limit=1', hospital)).body.items!;
    const answer = await apiGet(
      stack,
      `/patients/${first!.id}/risk?score=bmi,egfr-ckd-epi-2021&at=${at.toISOString()}`,
      hospital,
    );
    const scores = (
      answer.body as unknown as {
        scores: { score: string; inputs: { source: unknown }[]; missing: unknown[] }[];
      }
    ).scores;
    expect(answer.status).toBe(200);
    expect(scores.map((s) => s.score)).toEqual(['bmi', 'egfr-ckd-epi-2021']);
    for (const s of scores) expect(s.inputs.length + s.missing.length).toBeGreaterThan(0);
    expect(
      (await apiGet(stack, `/patients/${first!.id}/risk?score=astrology`, hospital)).status,
    ).toBe(400);
    const bundle = (await apiGet(stack, `/patients/${first!.id}/resources`, hospital))
      .body as unknown as { type: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(1);
  });

  it('proposes recommendations for a stored patient and records one clinician decision per recommendation', async () => {
    // The first stored patient with a recommendation: a decision on one never offered is a 404.
    type Report = {
      status: string;
      recommendations: { id: string; status: string }[];
      decisions: unknown[];
    };
    const patients = (await apiGet(stack, '/patients?limit=20', hospital)).body.items!;
    let first: (typeof patients)[number] | undefined;
    let report: Report | undefined;
    for (const patient of patients) {
      const body = (await apiGet(stack, `/patients/${patient.id}/recommendations`, hospital))
        .body as unknown as Report;
      if (body.recommendations.length > 0) [first, report] = [patient, body];
      if (report) break;
    }
    expect(report, 'no stored patient among the first 20 has a recommendation').toBeDefined();
    expect(report!.status).toBe('proposed');
    expect(report!.decisions).toEqual([]);
    const id = report!.recommendations[0]!.id;
    const token = await stack.issuer.sign({ role: 'clinician', hospital });
    const decide = (decision: string) =>
      fetch(new URL(`/patients/${first!.id}/recommendations/${id}/decision`, stack.endpoints.api), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ decision }),
      });
    expect((await decide('accepted')).status).toBe(201);
    expect((await decide('accepted')).status).toBe(201); // the same decision again is a no-op
    expect((await decide('rejected')).status).toBe(409);
    expect((await decide('maybe')).status).toBe(400);
    const after = (await apiGet(stack, `/patients/${first!.id}/recommendations`, hospital))
      .body as unknown as {
      decisions: { recommendationId: string; decision: string; by: string }[];
    };
    expect(after.decisions).toEqual([
      expect.objectContaining({
        recommendationId: id,
        decision: 'accepted',
        by: `local-clinician-${hospital}`,
      }),
    ]);
  });
});
