// Domain (synth/fhir): the declarative CSV -> FHIR column mapping written beside a flat EHR extract
// as csv/mapping.json (format: CSV-MAPPING.md), with its zod schema so a loader validates it at the edge.
import { z } from 'zod';

export const fieldTypes = [
  'string',
  'code',
  'uri',
  'decimal',
  'integer',
  'boolean',
  'date',
  'dateTime',
  'reference',
] as const;

/** How one cell (or a constant) becomes one FHIR element. */
export const csvFieldSchema = z
  .strictObject({
    /** The source column; absent for a constant (`value`). */
    column: z.string().min(1).optional(),
    /** A constant written into every resource of the file. */
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    /** FHIR element path: `a.b[0].c`, `extension[url=http://...].valueCode` (see CSV-MAPPING.md). */
    path: z.string().min(1),
    type: z.enum(fieldTypes).default('string'),
    /** Written as the sibling `system` of the element when the cell is not empty. */
    system: z.string().min(1).optional(),
    /** Cell value -> FHIR code; a cell not in the map is an error. */
    map: z.record(z.string(), z.string()).optional(),
    /** The cell holds a list separated by this string; the element becomes an array. */
    split: z.string().min(1).optional(),
    /** For type "reference": the target is found by business identifier. */
    reference: z
      .strictObject({ resourceType: z.string().min(1), identifierSystem: z.string().min(1) })
      .optional(),
    description: z.string().optional(),
  })
  .refine((f) => (f.column === undefined) !== (f.value === undefined), {
    message: 'a field has exactly one of column or value',
  })
  .refine((f) => (f.type === 'reference') === (f.reference !== undefined), {
    message: 'type "reference" and `reference` go together',
  });

export const csvFileMappingSchema = z.strictObject({
  resourceType: z.string().min(1),
  description: z.string(),
  /** Every column of the file, in header order. */
  columns: z.array(z.string().min(1)).min(1),
  /** Columns whose values together identify the record a row describes (unique in the file). */
  key: z.array(z.string().min(1)).min(1),
  /** The column linking a row to its patient, and the identifier system of its values. */
  patient: z.strictObject({ column: z.string().min(1), identifierSystem: z.string().min(1) }),
  fields: z.array(csvFieldSchema).min(1),
});

export const csvMappingSchema = z.strictObject({
  version: z.literal(1),
  hospital: z.string().min(1),
  /** RFC 4180 dialect of every file. */
  dialect: z.strictObject({
    encoding: z.literal('utf-8'),
    delimiter: z.literal(','),
    quote: z.literal('"'),
    lineTerminator: z.literal('\r\n'),
    header: z.literal(true),
    /** An empty cell means "no value": the element is omitted. */
    nullValue: z.literal(''),
  }),
  files: z.record(z.string().regex(/^[a-z0-9_-]+\.csv$/), csvFileMappingSchema),
});

export type CsvField = z.input<typeof csvFieldSchema>;
export type CsvFileMapping = z.input<typeof csvFileMappingSchema>;
export type CsvMapping = z.input<typeof csvMappingSchema>;
