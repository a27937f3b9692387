// Domain (synth/fhir): the flat EHR extract (DIR/csv/): RFC 4180 CSV files read from a patient's
// rendered resources, streamed per patient, plus mapping.json, the declarative CSV -> FHIR mapping.
import type { CsvField, CsvFileMapping, CsvMapping } from './csv-mapping';
import type { PatientResource } from './resources';
import { mrnSystem } from './patient';
import { hospitalPlaceholder, rowContext, type AnyCsvTable, type Cell } from './csv-table';
import { encountersTable, patientsTable } from './csv-demographics';
import { conditionsTable, medicationsTable } from './csv-clinical';
import { observationsTable } from './csv-results';

/** The files of the extract, in the order a loader should read them (patients before their records). */
export const csvFileNames = [
  'patients.csv',
  'encounters.csv',
  'conditions.csv',
  'observations.csv',
  'medications.csv',
] as const;
export type CsvFileName = (typeof csvFileNames)[number];

/** RFC 4180 section 2: records end with CRLF. */
export const csvLineTerminator = '\r\n';

const tables = {
  'patients.csv': patientsTable,
  'encounters.csv': encountersTable,
  'conditions.csv': conditionsTable,
  'observations.csv': observationsTable,
  'medications.csv': medicationsTable,
} as unknown as Record<CsvFileName, AnyCsvTable>;

const needsQuotes = /[",\r\n]/;
const quote = /"/g;

/** One cell, quoted per RFC 4180 when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  // Numbers and booleans never hold a delimiter.
  if (typeof value !== 'string') return String(value);
  return needsQuotes.test(value) ? `"${value.replace(quote, '""')}"` : value;
}

/** One record, without its line terminator. */
export function csvRecord(cells: readonly Cell[]): string {
  let record = cells.length > 0 ? csvCell(cells[0]) : '';
  for (let i = 1; i < cells.length; i++) record += ',' + csvCell(cells[i]);
  return record;
}

/** The header record of `file` (without terminator). */
export function csvHeader(file: CsvFileName): string {
  return csvRecord(tables[file].columns.map((column) => column.name));
}

/**
 * The records of one patient, per file, without terminators, from the patient's rendered resources
 * (renderPatientResources), so units and codes match the FHIR export. Stream: header once, then
 * each patient's records, each followed by `csvLineTerminator`.
 */
export function patientCsvRecords(
  resources: readonly PatientResource[],
): Record<CsvFileName, string[]> {
  const ctx = rowContext(resources);
  const records = {} as Record<CsvFileName, string[]>;
  for (const file of csvFileNames) {
    const { columns, rows } = tables[file];
    // Cell by cell into the record: no array of cells per row (tens of rows per patient).
    records[file] = rows(resources).map((row) => {
      let record = csvCell(columns[0]!.cell(row, ctx));
      for (let i = 1; i < columns.length; i++) record += ',' + csvCell(columns[i]!.cell(row, ctx));
      return record;
    });
  }
  return records;
}

/** mapping.json for the extract of `hospital` (validates against csvMappingSchema). */
export function csvMapping(hospital: string): CsvMapping {
  const files: Record<string, CsvFileMapping> = {};
  for (const file of csvFileNames) files[file] = fileMapping(tables[file]);
  const mapping: CsvMapping = {
    version: 1,
    hospital,
    dialect: {
      encoding: 'utf-8',
      delimiter: ',',
      quote: '"',
      lineTerminator: csvLineTerminator,
      header: true,
      nullValue: '',
    },
    files,
  };
  // Identifier systems are written with a placeholder in the tables; fill in the hospital slug.
  return JSON.parse(
    JSON.stringify(mapping).replaceAll(hospitalPlaceholder, hospital),
  ) as CsvMapping;
}

function fileMapping(table: AnyCsvTable): CsvFileMapping {
  const fields: CsvField[] = [...table.constants];
  for (const column of table.columns) {
    for (const field of column.fields) fields.push({ column: column.name, ...field });
  }
  return {
    resourceType: table.resourceType,
    description: table.description,
    columns: table.columns.map((column) => column.name),
    key: table.key,
    patient: { column: 'mrn', identifierSystem: mrnSystem(hospitalPlaceholder) },
    fields,
  };
}
