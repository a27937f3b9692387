// `caregraph predict --model DIR (--csv FILE | --patient ID) [--json]`: score rows with a trained
// model directory, encoding raw CSV columns exactly as training did (the model's saved encoding),
// with the features that moved each prediction most (log-odds contributions).
import { resolve } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import { readCsv } from '../../../training/tabular/csv';
import { encodeRows } from '../../../training/tabular/encoding';
import { row } from '../../../training/tabular/matrix';
import { readModelDirectory } from '../../../training/tabular/model-files';
import { intFlag, out, parseFlags, requireFlag, UsageError, type Command } from '../io';

const usage = `Usage: caregraph predict --model DIR (--csv FILE | --patient ID) [--top N] [--json]
  --model  a model directory written by \`caregraph train tabular --out DIR\`
  --csv    rows to score, with the columns the model was trained on (extra columns are ignored)
  --top    features listed per prediction, by absolute log-odds contribution (default 3)`;

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
      top: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = resolve(requireFlag(values.model, 'model'));
    if ((values.csv === undefined) === (values.patient === undefined)) {
      throw new UsageError('give exactly one of --csv FILE or --patient ID');
    }
    const top = intFlag(values.top, 'top', 3, 0, 1000);
    if (values.patient !== undefined) {
      throw new ValidationError(
        '--patient: scoring a stored patient needs the stack to build the feature row, which is not available yet; export the row to a CSV and use --csv',
        'patient',
      );
    }
    const saved = await readModelDirectory(dir);
    if (!saved.encoding) {
      throw new ValidationError(
        `${dir}: model.json has no saved encoding; it cannot score a raw CSV`,
        'encoding',
      );
    }
    const table = await readCsv(resolve(values.csv!));
    const x = encodeRows(table, saved.encoding);
    const rows = Array.from({ length: x.rows }, (_v, i) => Array.from(row(x, i)));
    const predictions = saved.model.predict(rows);
    const idAt = table.header.findIndex((h) => idColumn.test(h));
    const results = predictions.map((p, i) => ({
      line: table.lines[i]!,
      ...(idAt >= 0 ? { id: table.rows[i]![idAt]! } : {}),
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
