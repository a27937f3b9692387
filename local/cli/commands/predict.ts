// `caregraph predict --model DIR (--csv FILE | --patient ID) [--json]`: score rows with a trained
// model directory, encoding raw CSV columns exactly as training did (the model's saved encoding),
// with the features that moved each prediction most (log-odds contributions). `--patient` scores a
// patient stored in the running stack from its feature vector (GET /patients/{id}/features).
import { resolve } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import type { PatientFeatures } from '../../../shared/domain/features/build';
import { readCsv, type CsvTable } from '../../../training/tabular/csv';
import { encodeRows } from '../../../training/tabular/encoding';
import { row } from '../../../training/tabular/matrix';
import { readModelDirectory } from '../../../training/tabular/model-files';
import { intFlag, out, parseFlags, requireFlag, UsageError, type Command } from '../io';
import { callApi, checkSlug, findStack } from '../stack-client';
import { patientRow, type FeatureSource } from './patient-row';

const usage = `Usage: caregraph predict --model DIR (--csv FILE | --patient ID [--hospital H] [--features auto|vector|raw]) [--top N] [--json]
  --model     a model directory written by \`caregraph train tabular --out DIR\`
  --csv       rows to score, with the columns the model was trained on (extra columns are ignored)
  --patient   a patient stored in the running stack (pseudonymous id, as GET /patients lists them)
  --hospital  the patient's hospital slug (default demo-general)
  --features  which of the patient's features fill the model's columns: the model-ready vector of
              \`features --build\` (matrix.csv columns), the raw features, or auto (default: what
              the model was trained on, as model.json's featureInput records it; a model without
              it takes the vector only when it has a one-hot column such as sex=female)
  --top       features listed per prediction, by absolute log-odds contribution (default 3)`;

const featureSources: readonly FeatureSource[] = ['auto', 'vector', 'raw'];

const idColumn = /^(id|patient_?id|row_?id)$/i;

export const predictCommand: Command = {
  name: 'predict',
  summary: 'score a CSV with a trained model, with the features behind each prediction',
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      model: { type: 'string' },
      csv: { type: 'string' },
      patient: { type: 'string' },
      hospital: { type: 'string' },
      features: { type: 'string' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = resolve(requireFlag(values.model, 'model'));
    if ((values.csv === undefined) === (values.patient === undefined)) {
      throw new UsageError('give exactly one of --csv FILE or --patient ID');
    }
    const top = intFlag(values.top, 'top', 3, 0, 1000);
    const source = (values.features ?? 'auto') as FeatureSource;
    if (!featureSources.includes(source))
      throw new UsageError(`--features must be one of ${featureSources.join(', ')}`);
    const saved = await readModelDirectory(dir);
    if (!saved.encoding) {
      throw new ValidationError(
        `${dir}: model.json has no saved encoding; it cannot score a raw CSV`,
        'encoding',
      );
    }
    let table: CsvTable;
    if (values.patient !== undefined) {
      const hospital = checkSlug(values.hospital ?? 'demo-general', 'hospital');
      const stack = await findStack(values.endpoint, values['data-dir']);
      const features = await callApi<PatientFeatures>(
        stack,
        { role: 'clinician', hospital },
        'GET',
        `/patients/${encodeURIComponent(values.patient)}/features`,
      );
      table = patientRow(features, saved.encoding, source, saved.model).table;
    } else {
      table = await readCsv(resolve(values.csv!));
    }
    const x = encodeRows(table, saved.encoding);
    const rows = Array.from({ length: x.rows }, (_v, i) => Array.from(row(x, i)));
    const predictions = saved.model.predict(rows);
    const idAt = table.header.findIndex((h) => idColumn.test(h));
    const id = (i: number) =>
      values.patient !== undefined ? values.patient : idAt >= 0 ? table.rows[i]![idAt]! : undefined;
    const results = predictions.map((p, i) => ({
      line: table.lines[i]!,
      ...(id(i) !== undefined ? { id: id(i)! } : {}),
      ...p,
      explanation: saved
        .explain(rows[i]!)
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
        .slice(0, top),
    }));
    const { name, version, kind } = saved.model;
    if (values.json) {
      out.json({ model: { name, version, kind }, predictions: results });
      return 0;
    }
    for (const r of results) {
      const why = r.explanation.map(
        (e) => `${e.feature} ${e.contribution >= 0 ? '+' : ''}${e.contribution.toFixed(2)}`,
      );
      out.result(
        `${'id' in r ? r.id : `line ${r.line}`}: ${r.probability.toFixed(3)} (label ${r.label})${why.length ? `  ${why.join(', ')}` : ''}`,
      );
    }
    return 0;
  },
};
