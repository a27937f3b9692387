import type { MedicationRequest, Observation, Patient, Quantity } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvFileNames,
  csvHeader,
  csvLineTerminator,
  csvMapping,
  type CsvFileName,
  patientCsvRecords,
} from './csv';
import { readCsv } from '../../ingest/readers/csv';
import { csvRowsFromChunks } from '../../ingest/readers/csv-parse';
import { renderCohortPatient } from '../cohort';
import { csvMappingSchema } from './csv-mapping';
import { fixtureAsOf, fixturePatients, inpatientStay } from './fixtures';
import { renderPatientResources } from './resources';

/** RFC 4180 parser for the test: quoted fields, doubled quotes, CRLF records, embedded newlines. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

function extract(patients = fixturePatients()) {
  const rendered = patients.map((p) => renderPatientResources(p, [], { asOf: fixtureAsOf }));
  const files = Object.fromEntries(
    csvFileNames.map((file) => {
      const lines = [csvHeader(file), ...rendered.flatMap((r) => patientCsvRecords(r)[file])];
      return [file, lines.map((line) => line + csvLineTerminator).join('')];
    }),
  ) as Record<CsvFileName, string>;
  return { rendered, files };
}

function rowsOf(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

describe('Function: csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['Okafor, James', '"Okafor, James"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    [12.5, '12.5'],
    [undefined, ''],
  ])('quotes %j as RFC 4180 says', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('Function: patientCsvRecords', () => {
  it('writes files that parse back into rows of the header width', () => {
    // Act
    const { files } = extract();

    // Assess
    for (const [file, text] of Object.entries(files)) {
      const [header, ...records] = parseCsv(text);
      expect(header!.join(','), file).toBe(csvHeader(file as (typeof csvFileNames)[number]));
      expect(records.length, file).toBeGreaterThan(2);
      for (const record of records) expect(record, file).toHaveLength(header!.length);
    }
  });

  it('agrees with the FHIR export on demographics, units and values', () => {
    // Act
    const { rendered, files } = extract();

    // Assess
    const patients = rowsOf(files['patients.csv']);
    const fhirPatients = rendered.map((r) => r[0] as Patient);
    expect(patients.map((p) => [p.mrn, p.family, p.given, p.sex, p.birth_date])).toEqual(
      fhirPatients.map((p) => [
        p.identifier![0]!.value,
        p.name![0]!.family,
        p.name![0]!.given![0],
        p.gender === 'female' ? 'F' : 'M',
        p.birthDate,
      ]),
    );
    const results = new Map(rowsOf(files['observations.csv']).map((row) => [row.result_id, row]));
    const observations = rendered
      .flat()
      .filter((r): r is Observation => r.resourceType === 'Observation');
    for (const o of observations.filter((o) => o.valueQuantity)) {
      const row = results.get(o.id!)!;
      expect([row.loinc, Number(row.value), row.ucum_unit]).toEqual([
        o.code!.coding![0]!.code === '2708-6' ? o.code!.coding![1]!.code : o.code!.coding![0]!.code,
        o.valueQuantity!.value,
        o.valueQuantity!.code,
      ]);
    }
    const bp = observations.find((o) => o.component)!;
    expect(results.get(`${bp.id}-8480-6`)?.value).toBe(
      String(bp.component![0]!.valueQuantity!.value),
    );
  });

  it('writes the same bytes for the same patients', () => {
    expect(extract().files).toEqual(extract().files);
  });

  it('keeps names with apostrophes and multi-valued timings intact', () => {
    // Act
    const { rendered, files } = extract([inpatientStay()]);

    // Assess
    expect(rowsOf(files['patients.csv'])[0]!.family).toBe("O'Brien");
    const orders = rowsOf(files['medications.csv']);
    const furosemide = rendered[0]!.find(
      (r): r is MedicationRequest => r.resourceType === 'MedicationRequest',
    )!;
    expect(orders[0]).toMatchObject({
      order_id: furosemide.id,
      times: '08:00:00',
      sig: furosemide.dosageInstruction![0]!.text,
    });
  });
});

describe('Function: csvMapping', () => {
  const mapping = csvMapping('general-east');

  it('validates against its own schema', () => {
    expect(csvMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('maps every column of every file, and only columns that exist', () => {
    for (const file of csvFileNames) {
      // Prepare
      const spec = mapping.files[file]!;
      const header = csvHeader(file).split(',');

      // Act
      const mapped = new Set(spec.fields.flatMap((f) => (f.column ? [f.column] : [])));

      // Assess
      expect(spec.columns, file).toEqual(header);
      expect([...mapped].sort(), file).toEqual([...header].sort());
      for (const key of spec.key) expect(header, file).toContain(key);
      expect(header, file).toContain(spec.patient.column);
    }
  });

  it('names the hospital in identifier systems and leaves no placeholder', () => {
    // Act
    const json = JSON.stringify(mapping);

    // Assess
    expect(json).not.toContain('{hospital}');
    expect(mapping.files['observations.csv']!.fields).toContainEqual({
      column: 'mrn',
      path: 'subject',
      type: 'reference',
      reference: {
        resourceType: 'Patient',
        identifierSystem: 'urn:caregraph:hospital:general-east:mrn',
      },
    });
  });

  it('has keys that identify one row each', () => {
    // Act
    const { files } = extract();

    // Assess
    for (const file of csvFileNames) {
      const keys = rowsOf(files[file]).map((row) =>
        mapping.files[file]!.key.map((k) => row[k]).join('|'),
      );
      expect(new Set(keys).size, file).toBe(keys.length);
    }
  });
});

describe('the CSV extract read back by the ingest reader', () => {
  /** Coded content the NDJSON carries and the extract must too (until 1.15.0 the extract dropped it). */
  const coded = (r: Record<string, unknown>): unknown => {
    switch (r.resourceType) {
      case 'Condition':
        return (r as { severity?: { coding?: unknown[] } }).severity?.coding?.map(codeOf);
      case 'MedicationRequest': {
        const m = r as unknown as MedicationRequest;
        const dose = m.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity;
        return {
          category: m.category?.map((c) => c.coding?.map(codeOf)),
          dose: dose && quantityOf(dose),
        };
      }
      case 'Observation':
        return (r as unknown as Observation).referenceRange?.map((range) => ({
          low: range.low && quantityOf(range.low),
          high: range.high && quantityOf(range.high),
        }));
      default:
        return undefined;
    }
  };
  const quantityOf = ({ value, unit, system, code }: Quantity) => ({ value, unit, system, code });
  const codeOf = (c: unknown) => {
    const { system, code } = c as { system?: string; code?: string };
    return { system, code };
  };

  it('gives the severity codes, order categories, dose and reference-range units the NDJSON has', async () => {
    // Prepare: 50 generated patients, their NDJSON resources by id and their CSV files
    const options = {
      patients: 50,
      seed: 5,
      hospital: 'csv-codes',
      dirtyRate: 0,
      asOf: '2026-01-01',
    };
    const rendered = Array.from({ length: options.patients }, (_, i) =>
      renderCohortPatient(options, i),
    );
    const byId = new Map<string, Record<string, unknown>>();
    for (const r of rendered)
      for (const type of ['Condition', 'MedicationRequest', 'Observation'])
        for (const line of r.ndjson.get(`${type}.ndjson`) ?? []) {
          const resource = JSON.parse(line as string) as Record<string, unknown>;
          byId.set(resource.id as string, resource);
        }
    const mapping = csvMapping(options.hospital);
    const compared: Record<string, number> = {};
    const differ: string[] = [];
    // Act
    for (const file of ['conditions.csv', 'medications.csv', 'observations.csv'] as const) {
      const text = [csvHeader(file), ...rendered.flatMap((r) => r.csv[file])]
        .map((line) => line + csvLineTerminator)
        .join('');
      async function* chunks() {
        yield Buffer.from(text, 'utf8');
      }
      for await (const record of readCsv(csvRowsFromChunks(chunks()), file, mapping)) {
        expect(record.error, `${file}:${record.line}`).toBeUndefined();
        const fromCsv = record.resource as Record<string, unknown>;
        const id = (fromCsv.identifier as { value: string }[])[0]!.value;
        const fromNdjson = byId.get(id);
        // Blood pressure rows are one per component; their panel has no reference range.
        if (!fromNdjson) continue;
        const want = coded(fromNdjson);
        if (JSON.stringify(want) === JSON.stringify(undefined)) continue;
        if (JSON.stringify(coded(fromCsv)) !== JSON.stringify(want))
          differ.push(
            `${file}:${record.line} ${JSON.stringify(coded(fromCsv))} != ${JSON.stringify(want)}`,
          );
        compared[file] = (compared[file] ?? 0) + 1;
      }
    }
    // Assess
    expect(differ.slice(0, 5)).toEqual([]);
    expect(compared['conditions.csv']).toBeGreaterThan(10);
    expect(compared['medications.csv']).toBeGreaterThan(50);
    expect(compared['observations.csv']).toBeGreaterThan(100);
  });
});
