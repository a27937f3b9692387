// Domain (ingest/readers): one CSV file of a flat EHR extract -> one FHIR resource (or error) per row,
// applying that file's entry of the declarative mapping (CSV-MAPPING.md, csvMappingSchema).
import type { z } from 'zod';
import { ValidationError } from '../../errors';
import { csvMappingSchema, type CsvMapping } from '../../synth/fhir/csv-mapping';
import type { FhirJson, SourceRecord } from '../source-record';
import { convertCell } from './csv-cells';
import type { CsvRow } from './csv-parse';
import {
  compactArrays,
  compilePath,
  siblingSystemPath,
  writeAtPath,
  type PathSegment,
} from './csv-path';
import { deterministicUuid } from './resource-id';

type FileMapping = z.output<typeof csvMappingSchema>['files'][string];
type Field = FileMapping['fields'][number];
interface Plan {
  hospital: string;
  file: string;
  mapping: FileMapping;
  fields: { field: Field; at: PathSegment[]; systemAt: PathSegment[] }[];
}
type Failure = { column: string; reason: string };

/**
 * Read one CSV file of an extract: `rows` from csvRows/csvRowsFromChunks, the first being the header.
 * The header must contain every column the mapping uses (order free, extra columns ignored); otherwise
 * one error record at the header line and nothing else. Each data row yields a resource of the file's
 * type, or an error record whose `path` is the failing column. Resource ids are UUIDv5 of
 * (hospital, file name, key column values), so a re-sent row overwrites its earlier copy.
 * An invalid mapping, or none for `fileName`, yields one error record at line 0.
 * `headerProblem`: why the first line did not look like a header row (detect.ts headerProblem), for
 * a file read as CSV because the mapping names it; a header error then says so.
 */
export async function* readCsv(
  rows: AsyncIterable<CsvRow>,
  fileName: string,
  mapping: CsvMapping,
  headerProblem?: string,
): AsyncGenerator<SourceRecord> {
  const plan = compilePlan(mapping, fileName);
  if (plan instanceof ValidationError) {
    yield { line: 0, path: plan.path ?? 'mapping.json', error: plan };
    return;
  }
  let header: Map<string, number> | undefined;
  for await (const row of rows) {
    if (header === undefined) {
      let checked = checkHeader(row, plan.mapping);
      if (checked instanceof ValidationError) {
        if (headerProblem !== undefined)
          checked = new ValidationError(
            `the CSV header row was not recognised (${headerProblem}): ${checked.message}`,
            checked.path,
          );
        yield { line: row.line, path: checked.path ?? '', error: checked, raw: row.raw };
        return;
      }
      header = checked;
      continue;
    }
    yield rowRecord(plan, header, row);
  }
}

function compilePlan(mapping: CsvMapping, file: string): Plan | ValidationError {
  const parsed = csvMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return new ValidationError(`mapping.json is invalid at ${where}`, 'mapping.json');
  }
  const fileMapping = parsed.data.files[file];
  if (!fileMapping)
    return new ValidationError(`mapping.json has no entry for ${file}`, 'mapping.json');
  try {
    const fields = fileMapping.fields.map((field) => {
      const at = compilePath(field.path);
      return { field, at, systemAt: siblingSystemPath(at) };
    });
    return { hospital: parsed.data.hospital, file, mapping: fileMapping, fields };
  } catch (error) {
    const message = `mapping.json for ${file}: ${(error as Error).message}`;
    return new ValidationError(message, 'mapping.json', { cause: error });
  }
}

function checkHeader(row: CsvRow, mapping: FileMapping): Map<string, number> | ValidationError {
  if (row.error) return new ValidationError(`header: ${row.error}`, 'header');
  const used = [
    ...mapping.fields.flatMap((f) => (f.column === undefined ? [] : [f.column])),
    ...mapping.key,
    mapping.patient.column,
  ];
  const header = new Map<string, number>();
  for (const [i, name] of row.cells.entries()) {
    const first = header.get(name);
    // Named only when mapping.json names it: a file without a header row has a row of patient
    // data here, which must not reach an error message.
    if (first !== undefined)
      return used.includes(name)
        ? new ValidationError(`header repeats column ${name}`, name)
        : new ValidationError(
            `header repeats a column name (columns ${first + 1} and ${i + 1}); is the header row missing?`,
            'header',
          );
    header.set(name, i);
  }
  const missing = [...new Set(used)].filter((column) => !header.has(column));
  if (missing.length > 0) {
    return new ValidationError(`missing mapped column(s): ${missing.join(', ')}`, missing[0]);
  }
  return header;
}

function rowRecord(plan: Plan, header: Map<string, number>, row: CsvRow): SourceRecord {
  const fail = (path: string, message: string): SourceRecord => ({
    line: row.line,
    path,
    raw: row.raw,
    error: new ValidationError(message, path),
  });
  if (row.error) return fail('', row.error);
  if (row.cells.length !== header.size) {
    return fail('', `row has ${row.cells.length} cells; the header has ${header.size}`);
  }
  const cell = (column: string) => row.cells[header.get(column)!]!;
  const { key, patient } = plan.mapping;
  for (const column of [...key, patient.column]) {
    if (cell(column) === '') return fail(column, `${column} is empty (key or patient column)`);
  }
  const id = deterministicUuid(plan.hospital, plan.file, ...key.map(cell));
  const resource: FhirJson = { resourceType: plan.mapping.resourceType, id };
  const failures = plan.fields.flatMap((f) => applyField(resource, f, cell));
  if (failures.length > 0) {
    const [first, ...more] = failures as [Failure, ...Failure[]];
    const also = more.length > 0 ? `; also failed: ${more.map((f) => f.column).join(', ')}` : '';
    return fail(first.column, `${first.column}: ${first.reason}${also}`);
  }
  return { line: row.line, path: '', raw: row.raw, resource: compactArrays(resource) as FhirJson };
}

/** Write one field into `resource`; an empty cell writes nothing. Returns the failures (0 or 1). */
function applyField(
  resource: FhirJson,
  { field, at, systemAt }: Plan['fields'][number],
  cell: (column: string) => string,
): Failure[] {
  if (field.column === undefined) {
    writeAtPath(resource, at, field.value);
    if (field.system) writeAtPath(resource, systemAt, field.system);
    return [];
  }
  const text = cell(field.column);
  if (text === '') return [];
  const items =
    field.split === undefined ? [text] : text.split(field.split).filter((s) => s !== '');
  const values: unknown[] = [];
  for (const item of items) {
    // Object.hasOwn: a cell such as "constructor" must not reach Object.prototype.
    const mapped =
      field.map === undefined ? item : Object.hasOwn(field.map, item) ? field.map[item] : undefined;
    if (mapped === undefined) return [{ column: field.column, reason: 'value not in the mapping' }];
    const converted = convertCell(mapped, field.type, field.reference);
    if ('reason' in converted) return [{ column: field.column, reason: converted.reason }];
    values.push(converted.value);
  }
  writeAtPath(resource, at, field.split === undefined ? values[0] : values);
  if (field.system) writeAtPath(resource, systemAt, field.system);
  return [];
}
