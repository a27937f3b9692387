// Training (tabular): turn a clinical CSV into a numeric design matrix. Column types are detected
// (numeric when every present value is a number), categorical columns are one-hot encoded with an
// unknown bucket, missing values are imputed (median / mode, fitted on training rows only) with a
// missingness indicator, and the fitted encoding is saved with the model so prediction encodes alike.
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import type { CsvTable } from './csv';
import { matrix, type Matrix } from './matrix';

/** Missing-value markers used when --missing is not given. */
export const defaultMissingMarkers = ['', 'NA', '?'];
/** Categorical levels kept (most frequent first); rarer levels fall into the unknown bucket. */
export const maxLevels = 50;
export const unknownLevel = '(unknown)';

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const columnEncodingSchema = z.discriminatedUnion('type', [
  z.object({
    name: z.string(),
    type: z.literal('numeric'),
    median: z.number(),
    indicator: z.boolean(),
  }),
  z.object({
    name: z.string(),
    type: z.literal('categorical'),
    levels: z.array(z.string()),
    mode: z.string(),
    indicator: z.boolean(),
  }),
]);
export const encodingSchema = z.object({
  missing: z.array(z.string()),
  columns: z.array(columnEncodingSchema).min(1),
});
export type ColumnEncoding = z.infer<typeof columnEncodingSchema>;
/** How raw CSV columns become model features; stored in model.json as `encoding`. */
export type Encoding = z.infer<typeof encodingSchema>;
export type ColumnType = 'numeric' | 'categorical';

/** Encoded feature names in order: `age`, `age:missing`, `sex=female`, `sex=(unknown)`... */
export function featureNames(encoding: Encoding): string[] {
  return encoding.columns.flatMap((c) => {
    const main =
      c.type === 'numeric' ? [c.name] : [...c.levels, unknownLevel].map((l) => `${c.name}=${l}`);
    return c.indicator ? [...main, `${c.name}:missing`] : main;
  });
}

/** Which encoded features are continuous (standardised); one-hot and indicators are not. */
export function continuousFeatures(encoding: Encoding): boolean[] {
  return encoding.columns.flatMap((c) => {
    const main =
      c.type === 'numeric' ? [true] : new Array<boolean>(c.levels.length + 1).fill(false);
    return c.indicator ? [...main, false] : main;
  });
}

const isNumber = (value: string) => numberPattern.test(value.trim());

/** Text with a distinct value in most rows (MRNs, names, ids) carries no transferable signal. */
function looksLikeIdentifier(present: string[]): boolean {
  const distinct = new Set(present).size;
  return distinct > maxLevels && distinct > 0.5 * present.length;
}

/**
 * Detect each column's type from all rows: numeric when every non-missing value is a number,
 * categorical otherwise. Columns with no value at all, and text columns that look like identifiers
 * (more than 50 distinct values, distinct in over half the rows), are dropped (listed in `dropped`).
 */
export function detectColumnTypes(
  table: CsvTable,
  missing: readonly string[],
  exclude: readonly string[],
): { types: Map<string, ColumnType>; dropped: string[] } {
  const types = new Map<string, ColumnType>();
  const dropped: string[] = [];
  const markers = new Set(missing);
  table.header.forEach((name, j) => {
    if (exclude.includes(name)) return;
    const present = table.rows.map((r) => r[j]!.trim()).filter((v) => !markers.has(v));
    if (present.length === 0) dropped.push(name);
    else if (present.every(isNumber)) types.set(name, 'numeric');
    else if (looksLikeIdentifier(present)) dropped.push(name);
    else types.set(name, 'categorical');
  });
  return { types, dropped };
}

function columnIndex(table: CsvTable, name: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) throw new ValidationError(`${table.file}: line 1: no column named "${name}"`, name);
  return j;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fitColumn(
  name: string,
  type: ColumnType,
  values: string[],
  markers: Set<string>,
): ColumnEncoding {
  const present = values.map((v) => v.trim()).filter((v) => !markers.has(v));
  const indicator = present.length < values.length;
  if (type === 'numeric') {
    const m = present.length > 0 ? median(present.map(Number)) : 0;
    return { name, type, median: m, indicator };
  }
  const counts = new Map<string, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Most frequent first; ties by name so the encoding is deterministic.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const levels = ranked
    .slice(0, maxLevels)
    .map(([level]) => level)
    .sort();
  return { name, type, levels, mode: ranked[0]?.[0] ?? unknownLevel, indicator };
}

/**
 * Fit the encoding on the training rows only (`rows` are indices into table.rows): medians,
 * modes and levels come from those rows, so nothing leaks from the held-out fold.
 */
export function fitEncoding(
  table: CsvTable,
  types: ReadonlyMap<string, ColumnType>,
  missing: readonly string[],
  rows: ArrayLike<number>,
): Encoding {
  const markers = new Set(missing);
  const columns = [...types].map(([name, type]) => {
    const j = columnIndex(table, name);
    const values = Array.from(rows, (i) => table.rows[i]![j]!);
    return fitColumn(name, type, values, markers);
  });
  return { missing: [...missing], columns };
}

function encodeCell(
  c: ColumnEncoding,
  raw: string,
  missing: boolean,
  where: () => string,
): number[] {
  let main: number[];
  if (c.type === 'numeric') {
    if (!missing && !isNumber(raw)) {
      throw new ValidationError(`${where()}: column "${c.name}": expected a number`, c.name);
    }
    main = [missing ? c.median : Number(raw)];
  } else {
    const level = missing ? c.mode : raw;
    const k = c.levels.indexOf(level);
    main = new Array<number>(c.levels.length + 1).fill(0);
    main[k < 0 ? c.levels.length : k] = 1;
  }
  return c.indicator ? [...main, missing ? 1 : 0] : main;
}

/**
 * Encode rows of `table` (indices into table.rows; all rows by default) into a design matrix with
 * one column per feature of `featureNames(encoding)`. Throws ValidationError naming the file, line
 * and column for a missing column or a non-numeric value in a numeric column.
 */
export function encodeRows(table: CsvTable, encoding: Encoding, rows?: ArrayLike<number>): Matrix {
  const indices = rows ?? Array.from(table.rows, (_r, i) => i);
  const markers = new Set(encoding.missing);
  const positions = encoding.columns.map((c) => columnIndex(table, c.name));
  const width = featureNames(encoding).length;
  const out = matrix(indices.length, width);
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k]!;
    const where = () => `${table.file}: line ${table.lines[i]}`;
    let offset = k * width;
    encoding.columns.forEach((c, n) => {
      const raw = table.rows[i]![positions[n]!]!.trim();
      const cells = encodeCell(c, raw, markers.has(raw), where);
      out.data.set(cells, offset);
      offset += cells.length;
    });
  }
  return out;
}
