// `caregraph features --patient ID [--hospital H] [--recompute] [--json]`: one patient's feature
// vector with the provenance of every value, from the running stack's API; and
// `caregraph features --build --hospital H [--at DATE]`: build the hospital's feature set (training
// files in the curated bucket, the latest vector per patient in the serving table); and
// `caregraph features --training --labels FILE`: join the hospital's raw features with its labels
// into the table the scheduled retraining job reads (shared/domain/features/training-table.ts).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { access } from 'node:fs/promises';
import { buildDependencies } from '../../../shared/adapters/composition';
import { buildFeatureSet, type PatientFeatures } from '../../../shared/domain/features/build';
import { buildTrainingTable } from '../../../shared/domain/features/training-table';
import {
  deriveLabels,
  derivedOutcomes,
  isDerivedOutcome,
  type DerivedOutcome,
} from '../../../shared/domain/features/derived-labels';
import { out, parseFlags, UsageError, type Command } from '../io';
import { callApi, checkSlug, findStack, stackConfig } from '../stack-client';

const usage = `Usage: caregraph features --patient ID [--hospital H] [--recompute] [--json] [--endpoint URL]
       caregraph features --build [--hospital H] [--at YYYY-MM-DD] [--set NAME] [--json] [--endpoint URL]
       caregraph features --training (--labels FILE [--label NAME] | --derive OUTCOME --horizon-days N)
                          [--key KEY] [--set NAME] [--hospital H] [--json]
  --patient    the patient's pseudonymous id (as listed by GET /patients)
  --hospital   hospital slug (default demo-general)
  --recompute  compute from the current record instead of returning the stored latest vector
  --build      build every patient's features and the training files (docs/features.md)
  --at         the instant features describe (default now)
  --training   join the hospital's raw features (built by --build) with its labels into the
               table the scheduled retraining job reads, in the curated bucket
  --labels     CSV with a "patient" column (pseudonymous ids) and the label column (0 or 1)
  --label      the label column, in the file and in the table (default outcome)
  --derive     label from the records instead, over the --horizon-days after the feature set's
               date (build it with --build --at DATE): hard-ascvd (MI or stroke, PCE definition)
               or incident-t2d (type 2 diabetes coded, or two HbA1c of 6.5% or more; ADA 2024)
  --key        curated-bucket key of the table (default features/training/cvd-risk.csv); rejected
               label rows go to the same key with .rejected.csv
  --set        a named feature set (e.g. retrospective): --build writes its files under
               sets/NAME/ and leaves the served vectors and case index alone; --training reads it`;

export const featuresCommand: Command = {
  name: 'features',
  summary: "show a patient's feature vector with provenance, or build a hospital's feature set",
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      patient: { type: 'string' },
      hospital: { type: 'string' },
      build: { type: 'boolean' },
      training: { type: 'boolean' },
      labels: { type: 'string' },
      label: { type: 'string' },
      key: { type: 'string' },
      derive: { type: 'string' },
      'horizon-days': { type: 'string' },
      recompute: { type: 'boolean' },
      at: { type: 'string' },
      set: { type: 'string' },
      json: { type: 'boolean' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const hospital = checkSlug(values.hospital ?? 'demo-general', 'hospital');
    if (!values.build && !values.patient && !values.training)
      throw new UsageError('give --patient ID, --build or --training');
    if (values.training && !values.labels === !values.derive)
      throw new UsageError('--training needs --labels FILE or --derive OUTCOME (one of them)');
    if (values.derive && !isDerivedOutcome(values.derive))
      throw new UsageError(`--derive must be one of: ${Object.keys(derivedOutcomes).join(', ')}`);
    if (values.derive && !/^\d+$/.test(values['horizon-days'] ?? ''))
      throw new UsageError('--derive needs --horizon-days N (a whole number of days)');
    if (values.derive && values.label)
      throw new UsageError('--label goes with --labels; derived labels are named outcome');
    if (
      !values.training &&
      (values.labels || values.label || values.key || values.derive || values['horizon-days'])
    )
      throw new UsageError(
        '--labels, --label, --derive, --horizon-days and --key go with --training',
      );
    if (values.set !== undefined && values.patient)
      throw new UsageError('--set goes with --build or --training');
    const set = values.set === undefined ? undefined : checkSlug(values.set, 'set');
    const at = values.at ? new Date(values.at) : new Date();
    if (Number.isNaN(at.getTime())) throw new UsageError('--at must be a date YYYY-MM-DD');
    if (values.labels)
      await access(values.labels).catch(() => {
        throw new UsageError(`--labels: cannot read ${values.labels}`);
      });
    const stack = await findStack(values.endpoint, values['data-dir']);
    if (values.training) {
      const deps = buildDependencies(stackConfig(stack));
      let labels: AsyncIterable<Uint8Array | string>;
      let labelsName: string;
      if (values.derive) {
        const derived = await deriveLabels(
          deps,
          hospital,
          {
            outcome: values.derive as DerivedOutcome,
            horizonDays: Number(values['horizon-days']),
            now: new Date(),
            ...(set ? { set } : {}),
          },
          (n) => out.progress(`  ${n} patients labelled`),
        );
        const { csv, ...summary } = derived;
        if (!values.json)
          out.result(
            `labels: ${summary.definition}, ${summary.index} to ${summary.end}: ${summary.positives} positive, ${summary.negatives} negative of ${summary.patients} patients; excluded ${summary.excluded.prevalent} with an event by ${summary.index}, ${summary.excluded.shortFollowUp} without follow-up, ${summary.excluded.notYetBorn} born after ${summary.index}, ${summary.excluded.noRecordByIndex} with no record by ${summary.index}${summary.excluded.otherDiabetes === undefined ? '' : `, ${summary.excluded.otherDiabetes} with another type of diabetes`} (curated ${summary.key})`,
          );
        labels = Readable.from([csv]);
        labelsName = summary.key;
      } else {
        labels = createReadStream(values.labels!);
        labelsName = values.labels!;
      }
      const report = await buildTrainingTable(deps, {
        hospital,
        labels,
        labelsName,
        label: values.label ?? 'outcome',
        key: values.key ?? 'features/training/cvd-risk.csv',
        ...(set ? { set } : {}),
      });
      if (values.json) out.json(report);
      else {
        const share = ((100 * report.positives) / report.rows).toFixed(1);
        out.result(
          `wrote ${report.rows} labelled patients of ${hospital} (${report.positives} positive, ${share}%) to curated ${report.key}`,
        );
        out.result(`  ${report.unlabelled} patients with features had no label`);
        if (report.rejected.length) {
          out.result(
            `  ${report.rejected.length} label rows rejected (curated ${report.rejectedKey}):`,
          );
          for (const r of report.rejected.slice(0, 10))
            out.result(`    line ${r.line}: ${r.reason}`);
          if (report.rejected.length > 10)
            out.result(`    ... and ${report.rejected.length - 10} more`);
        }
      }
      return 0;
    }
    if (values.build) {
      const deps = buildDependencies(stackConfig(stack));
      const summary = await buildFeatureSet(
        deps,
        hospital,
        at,
        (n) => out.progress(`  ${n} patients`),
        // A set described at a past day is an index date for training labels: undated
        // Conditions and medicines are left out (extract.ts), so a label cannot leak into it.
        { ...(set ? { set } : {}), retrospective: set !== undefined || isPastDay(at) },
      );
      if (values.json) out.json(summary);
      else
        out.result(
          `built ${summary.features} features for ${summary.patients} patients of ${hospital}:\n  ${summary.files.join('\n  ')}`,
        );
      return 0;
    }
    const query = values.recompute
      ? `?recompute=true&at=${encodeURIComponent(at.toISOString())}`
      : '';
    const features = await callApi<PatientFeatures>(
      stack,
      { role: 'clinician', hospital },
      'GET',
      `/patients/${encodeURIComponent(values.patient!)}/features${query}`,
    );
    if (values.json) {
      out.json(features);
      return 0;
    }
    out.result(
      `patient ${features.patient}  spec ${features.specVersion}  at ${features.at}  (${features.origin})`,
    );
    for (const [name, f] of Object.entries(features.features)) {
      const value =
        f.value === null ? '-' : typeof f.value === 'number' ? +f.value.toFixed(3) : f.value;
      const from = f.provenance.sources.length
        ? `  <- ${f.provenance.sources.slice(0, 3).join(', ')}${f.provenance.count > 3 ? ` (+${f.provenance.count - 3})` : ''}`
        : '';
      out.result(
        `  ${name.padEnd(30)} ${String(value).padStart(10)} ${f.unit ?? ''}${from}${f.provenance.note ? `  [${f.provenance.note}]` : ''}`,
      );
    }
    return 0;
  },
};

/** True when `at` falls on a UTC day before today's: a retrospective index date, not "now". */
function isPastDay(at: Date): boolean {
  return at.toISOString().slice(0, 10) < new Date().toISOString().slice(0, 10);
}
