// Evaluation: classical models on a synthetic cohort against the ceiling the generator records.
// A 5,000-patient cohort is generated, a flat feature table is built from its true state
// (truth/patients.jsonl, conditions.jsonl) for two outcomes — 10-year ASCVD (Pooled Cohort
// Equations inputs) and 5-year incident type 2 diabetes (FINDRISC-style inputs) — and each model's
// cross-validated AUROC is compared with the Bayes-optimal AUROC in truth/manifest.json
// (target: within 0.02): that of the best prediction from the true state, the generator's unobserved
// patient-level term integrated out. Each row's Bayes-optimal probability (truth/outcomes.jsonl) is also
// scored on the same rows and labels, so the part of a gap that is sampling noise of a finite cohort is
// visible, and the manifest's `oracleAuroc` (an oracle that knows the unobserved term) is reported beside.
// Needs no shared data: the cohort is generated here; `--size N` sets its patients (default 20,000).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayFromIso } from '../../shared/domain/synth/state/calendar';
import { drugs, type DrugKey } from '../../shared/domain/synth/state/drugs';
import { familyRiskOf } from '../../shared/domain/synth/state/family-history';
import { effectsOn } from '../../shared/domain/synth/state/treatment-effects';
import type {
  FamilyHistoryEntry,
  Outcomes,
  RiskFactors,
  TrueMedication,
} from '../../shared/domain/synth/model';
import { writeCohort } from '../../local/synth/write-cohort';
import { selectBackend } from '../../training/deep/backend';
import { auroc } from '../../training/evaluation/metrics';
import { parseCsv } from '../../training/tabular/csv';
import { tabularModelNames } from '../../training/tabular/models';
import { trainTabular } from '../../training/tabular/train-tabular';
import type { EvalContext, EvalResult } from './suites';

const asOf = '2026-01-01';
const antihypertensive = new Set([
  'ace-inhibitor',
  'arb',
  'calcium-channel-blocker',
  'thiazide',
  'beta-blocker',
  'loop-diuretic',
]);

interface TruthPatient {
  patientId: string;
  demographics: { sex: string; ageYears: number; race: { display: string } };
  riskFactors: RiskFactors;
  medications: TrueMedication[];
  familyHistory: FamilyHistoryEntry[];
}

const readJsonl = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** One CSV row of observed-at-asOf features per outcome, from a patient's true state. */
function featureRows(p: TruthPatient, conditions: Set<string>, outcomes: Outcomes) {
  const rf = p.riskFactors;
  const current = p.medications.filter((m) => m.end === undefined);
  const fx = effectsOn(p.medications, dayFromIso(asOf), rf.systolicUntreated);
  const classOf = (m: TrueMedication) => drugs[m.key as DrugKey]?.drugClass;
  const sbp = rf.systolicUntreated - fx.systolicDrop;
  const tc = rf.ldl * fx.ldlFactor + rf.hdl + rf.triglycerides / 5; // achieved TC, as outcomes.ts
  const d = p.demographics;
  const common = [d.ageYears, d.sex, JSON.stringify(d.race.display)];
  const diabetes = conditions.has('type2-diabetes') || conditions.has('type1-diabetes');
  const cvd = outcomes.cvd10y && [
    ...common,
    ...[
      Math.log(d.ageYears),
      tc.toFixed(1),
      Math.log(tc),
      rf.hdl,
      Math.log(rf.hdl),
      sbp.toFixed(1),
      Math.log(sbp),
    ].map(String),
    yesNo(current.some((m) => antihypertensive.has(classOf(m) ?? ''))),
    yesNo(rf.smoking === 'current'),
    yesNo(diabetes),
    yesNo(['coronary-disease', 'myocardial-infarction', 'stroke'].some((k) => conditions.has(k))),
    outcomes.cvd10y.event ? 1 : 0,
  ];
  const dm = outcomes.diabetes5y && [
    ...common,
    rf.hba1c,
    rf.fastingGlucose,
    rf.bmi,
    yesNo(familyRiskOf(p.familyHistory).diabetes),
    yesNo(conditions.has('hypertension')),
    outcomes.diabetes5y.event ? 1 : 0,
  ];
  return { cvd: cvd ? cvd.join(',') : undefined, dm: dm ? dm.join(',') : undefined };
}

const headers = {
  cvd10y:
    'age,sex,race,ln_age,total_cholesterol,ln_tc,hdl,ln_hdl,sbp,ln_sbp,bp_treated,smoker,diabetes,prior_ascvd,event',
  diabetes5y: 'age,sex,race,hba1c,fasting_glucose,bmi,family_diabetes,hypertension,event',
};

/** The cohort's feature tables (CSV text) and the manifest's outcome summaries. */
export async function cohortTables(dir: string, patients: number, seed: number) {
  const manifest = await writeCohort({
    patients,
    seed,
    hospital: 'eval',
    dirtyRate: 0,
    asOf,
    out: dir,
  });
  const conditionsBy = new Map<string, Set<string>>();
  for (const c of await readJsonl<{ patientId: string; key: string }>(
    join(dir, 'truth', 'conditions.jsonl'),
  )) {
    conditionsBy.set(c.patientId, (conditionsBy.get(c.patientId) ?? new Set()).add(c.key));
  }
  const outcomesBy = new Map<string, Outcomes>();
  for (const o of await readJsonl<Outcomes & { patientId: string }>(
    join(dir, 'truth', 'outcomes.jsonl'),
  )) {
    outcomesBy.set(o.patientId, o);
  }
  const lines = { cvd10y: [headers.cvd10y], diabetes5y: [headers.diabetes5y] };
  const bayes = { cvd10y: [] as number[], diabetes5y: [] as number[] };
  for (const p of await readJsonl<TruthPatient>(join(dir, 'truth', 'patients.jsonl'))) {
    const rows = featureRows(
      p,
      conditionsBy.get(p.patientId) ?? new Set(),
      outcomesBy.get(p.patientId) ?? {},
    );
    const outcomes = outcomesBy.get(p.patientId);
    if (rows.cvd) {
      lines.cvd10y.push(rows.cvd);
      bayes.cvd10y.push(outcomes!.cvd10y!.bayesOptimalProbability);
    }
    if (rows.dm) {
      lines.diabetes5y.push(rows.dm);
      bayes.diabetes5y.push(outcomes!.diabetes5y!.bayesOptimalProbability);
    }
  }
  return { lines, bayes, outcomes: manifest.outcomes };
}

/** `caregraph eval models`: AUROC of each classical model vs the Bayes-optimal AUROC. */
export async function modelsEval(ctx: EvalContext): Promise<EvalResult> {
  const patients = ctx.size ?? 20000;
  const dir = await mkdtemp(join(tmpdir(), 'caregraph-eval-models-'));
  try {
    ctx.progress(`generating a ${patients}-patient cohort`);
    const { lines, bayes, outcomes } = await cohortTables(join(dir, 'cohort'), patients, 20260101);
    ctx.progress(`tfjs backend: ${(await selectBackend()).backend}`);
    const metrics: Record<string, number> = {};
    const details: Record<string, unknown> = {};
    for (const outcome of ['cvd10y', 'diabetes5y'] as const) {
      const table = parseCsv(lines[outcome].join('\n'), `${outcome}.csv`);
      const ceiling = outcomes[outcome];
      metrics[`${outcome}.rows`] = table.rows.length;
      metrics[`${outcome}.events`] = ceiling.events;
      metrics[`${outcome}.bayesOptimalAuroc`] = round(ceiling.bayesOptimalAuroc);
      metrics[`${outcome}.bayesEmpiricalAuroc`] = round(ceiling.empiricalAuroc);
      const labels = table.rows.map((r) => Number(r[table.header.indexOf('event')]));
      metrics[`${outcome}.bayesAurocOnRows`] = round(auroc(labels, bayes[outcome]));
      metrics[`${outcome}.oracleAuroc`] = round(ceiling.oracleAuroc);
      for (const model of tabularModelNames) {
        const started = performance.now();
        const { report } = await trainTabular({
          table,
          label: 'event',
          model,
          cv: 5,
          seed: 1,
          trainedAt: new Date(),
        });
        const gap = ceiling.bayesOptimalAuroc - report.auroc;
        metrics[`${outcome}.${model}.auroc`] = round(report.auroc);
        metrics[`${outcome}.${model}.gapToBayes`] = round(gap);
        metrics[`${outcome}.${model}.withinTarget`] = Math.abs(gap) <= 0.02 ? 1 : 0;
        details[`${outcome}.${model}`] = {
          ci: report.ci,
          brier: report.brier,
          subgroups: report.subgroups,
        };
        ctx.progress(
          `  ${outcome} ${model}: AUROC ${report.auroc.toFixed(3)} (ceiling ${ceiling.bayesOptimalAuroc.toFixed(3)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    }
    return { metrics, details };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (v: number) => Math.round(v * 10000) / 10000;
