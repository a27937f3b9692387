// Domain (synth/fhir): the shape of one CSV file of the flat EHR extract: its columns, how each cell
// is read from a rendered FHIR resource, and how the mapping turns it back into FHIR. One table per
// file is the single source of the header, the rows and mapping.json, so they cannot drift apart.
import type { Encounter, Patient } from '@medplum/fhirtypes';
import type { CsvField } from './csv-mapping';
import type { PatientResource } from './resources';
import { mrnSystem } from './patient';
import { visitSystem } from './encounters';

export type Cell = string | number | boolean | undefined;

/** Written where the hospital slug goes in identifier systems; replaced when mapping.json is built. */
export const hospitalPlaceholder = '{hospital}';

/** What every row of a patient needs besides its resource. */
export interface RowContext {
  mrn: string;
  /** `Encounter/{id}` -> the visit number of that encounter. */
  visitNumbers: Map<string, string>;
}

export interface CsvColumn<R> {
  name: string;
  cell: (row: R, ctx: RowContext) => Cell;
  /** Where the cell goes in FHIR; a column may feed several elements (code and text). */
  fields: Omit<CsvField, 'column'>[];
}

export interface CsvTable<R> {
  resourceType: PatientResource['resourceType'];
  description: string;
  key: string[];
  /** Elements every resource of the file gets (e.g. identifier systems, verificationStatus). */
  constants: CsvField[];
  columns: CsvColumn<R>[];
  /** The rows of one patient's resources (a resource may give several rows, or none). */
  rows: (resources: readonly PatientResource[]) => R[];
}

/** A CsvTable with its row type erased, so tables of different files can sit in one record. */
export type AnyCsvTable = CsvTable<unknown>;

export const mrnColumn = {
  name: 'mrn',
  cell: (_row: unknown, ctx: RowContext) => ctx.mrn,
  fields: [
    {
      path: 'subject',
      type: 'reference' as const,
      reference: { resourceType: 'Patient', identifierSystem: mrnSystem(hospitalPlaceholder) },
    },
  ],
};

/** A column holding the hospital's own id of the record (identifier[0].value). */
export const identifierColumn = <R>(
  name: string,
  value: (row: R) => string | undefined,
): CsvColumn<R> => ({
  name,
  cell: value,
  fields: [{ path: 'identifier[0].value' }],
});

/** The constant identifier system of a record kind (problem, result, order) at the hospital. */
export const identifierSystem = (kind: string) => ({
  path: 'identifier[0].system',
  value: `urn:caregraph:hospital:${hospitalPlaceholder}:${kind}`,
  type: 'uri' as const,
});

/** The visit-number column of a resource's `encounter` reference. */
export function visitColumn<R>(
  encounterOf: (row: R) => string | undefined,
  path = 'encounter',
): CsvColumn<R> {
  return {
    name: 'visit_number',
    cell: (row, ctx) => {
      const reference = encounterOf(row);
      return reference ? ctx.visitNumbers.get(reference) : undefined;
    },
    fields: [
      {
        path,
        type: 'reference',
        reference: {
          resourceType: 'Encounter',
          identifierSystem: visitSystem(hospitalPlaceholder),
        },
      },
    ],
  };
}

/** The MRN and visit numbers of a patient's rendered resources. */
export function rowContext(resources: readonly PatientResource[]): RowContext {
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  const mrn = patient?.identifier?.find((i) => i.type?.coding?.[0]?.code === 'MR')?.value ?? '';
  const visitNumbers = new Map<string, string>();
  for (const r of resources) {
    if (r.resourceType !== 'Encounter') continue;
    const visit = (r as Encounter).identifier?.[0]?.value;
    if (visit) visitNumbers.set(`Encounter/${r.id}`, visit);
  }
  return { mrn, visitNumbers };
}

/** The resources of one type, typed. */
export function ofType<T extends PatientResource['resourceType']>(
  resources: readonly PatientResource[],
  resourceType: T,
): Extract<PatientResource, { resourceType: T }>[] {
  return resources.filter(
    (r): r is Extract<PatientResource, { resourceType: T }> => r.resourceType === resourceType,
  );
}
