// Training (tabular): the outcome label from a CSV column. `--positive VALUE` marks rows equal to
// VALUE as positive; `--positive ">0"` marks rows whose number is above zero (e.g. the UCI heart
// disease `num` 0-4). Rows with a missing label are left out and counted.
import { ValidationError } from '../../shared/domain/errors';
import type { CsvTable } from './csv';

/** How a label value maps to the positive class. */
export type PositiveRule = { equals: string } | { greaterThanZero: true };

export interface Labels {
  /** 1 positive, 0 negative, for each kept row. */
  y: Uint8Array;
  /** Indices into table.rows of the rows that have a label. */
  rows: Int32Array;
  /** Rows left out because their label is missing. */
  missing: number;
  rule: PositiveRule;
}

/** Parse the --positive flag: `">0"` or a literal value. */
export function positiveRule(flag: string | undefined): PositiveRule | undefined {
  if (flag === undefined) return undefined;
  return flag.trim() === '>0' ? { greaterThanZero: true } : { equals: flag };
}

const binaryPairs: [string, string][] = [
  ['0', '1'],
  ['no', 'yes'],
  ['false', 'true'],
  ['n', 'y'],
  ['negative', 'positive'],
];

/** Without --positive: 0/1, no/yes, false/true, n/y, negative/positive (any case) are understood. */
function inferRule(values: Set<string>, table: CsvTable, label: string): PositiveRule {
  const lower = new Set([...values].map((v) => v.toLowerCase()));
  for (const [negative, positive] of binaryPairs) {
    if ([...lower].every((v) => v === negative || v === positive)) {
      const original = [...values].find((v) => v.toLowerCase() === positive);
      return { equals: original ?? positive };
    }
  }
  throw new ValidationError(
    `${table.file}: column "${label}" has ${values.size} distinct values; say which is positive with --positive VALUE or --positive ">0"`,
    label,
  );
}

/**
 * Read the label column. Throws ValidationError naming the file, line and column when the column
 * is absent, a `>0` label is not a number, or the rule leaves only one class.
 */
export function readLabels(
  table: CsvTable,
  label: string,
  rule: PositiveRule | undefined,
  missing: readonly string[],
): Labels {
  const j = table.header.indexOf(label);
  if (j < 0) throw new ValidationError(`${table.file}: line 1: no column named "${label}"`, label);
  const markers = new Set(missing);
  const kept: number[] = [];
  const values: string[] = [];
  table.rows.forEach((r, i) => {
    const v = r[j]!.trim();
    if (markers.has(v)) return;
    kept.push(i);
    values.push(v);
  });
  const chosen = rule ?? inferRule(new Set(values), table, label);
  const y = new Uint8Array(values.length);
  values.forEach((v, k) => {
    if ('equals' in chosen) {
      y[k] = v === chosen.equals ? 1 : 0;
      return;
    }
    const n = Number(v);
    if (v === '' || !Number.isFinite(n)) {
      const line = table.lines[kept[k]!];
      throw new ValidationError(
        `${table.file}: line ${line}: column "${label}": expected a number for --positive ">0"`,
        label,
      );
    }
    y[k] = n > 0 ? 1 : 0;
  });
  const ones = y.reduce((s, v) => s + v, 0);
  if (ones === 0 || ones === y.length) {
    throw new ValidationError(
      `${table.file}: column "${label}": every labelled row is ${ones === 0 ? 'negative' : 'positive'}; two classes are needed`,
      label,
    );
  }
  return { y, rows: Int32Array.from(kept), missing: table.rows.length - kept.length, rule: chosen };
}
