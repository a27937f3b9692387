// `caregraph features --patient ID [--hospital H] [--recompute] [--json]`: one patient's feature
// vector with the provenance of every value, from the running stack's API; and
// `caregraph features --build --hospital H [--at DATE]`: build the hospital's feature set (training
// files in the curated bucket, the latest vector per patient in the serving table).
import { buildDependencies } from '../../../shared/adapters/composition';
import { buildFeatureSet, type PatientFeatures } from '../../../shared/domain/features/build';
import { out, parseFlags, UsageError, type Command } from '../io';
import { callApi, checkSlug, findStack, stackConfig } from '../stack-client';

const usage = `Usage: caregraph features --patient ID [--hospital H] [--recompute] [--json] [--endpoint URL]
       caregraph features --build [--hospital H] [--at YYYY-MM-DD] [--json] [--endpoint URL]
  --patient    the patient's pseudonymous id (as listed by GET /patients)
  --hospital   hospital slug (default demo-general)
  --recompute  compute from the current record instead of returning the stored latest vector
  --build      build every patient's features and the training files (docs/features.md)
  --at         the instant features describe (default now)`;

export const featuresCommand: Command = {
  name: 'features',
  summary: "show a patient's feature vector with provenance, or build a hospital's feature set",
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      patient: { type: 'string' },
      hospital: { type: 'string' },
      build: { type: 'boolean' },
      recompute: { type: 'boolean' },
      at: { type: 'string' },
      json: { type: 'boolean' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const hospital = checkSlug(values.hospital ?? 'demo-general', 'hospital');
    if (!values.build && !values.patient) throw new UsageError('give --patient ID or --build');
    const at = values.at ? new Date(values.at) : new Date();
    if (Number.isNaN(at.getTime())) throw new UsageError('--at must be a date YYYY-MM-DD');
    const stack = await findStack(values.endpoint, values['data-dir']);
    if (values.build) {
      const deps = buildDependencies(stackConfig(stack));
      const summary = await buildFeatureSet(deps, hospital, at, (n) =>
        out.progress(`  ${n} patients`),
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
