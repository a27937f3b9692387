// Tests (synth/fhir): hs troponin I, the urine albumin/creatinine ratio and the D-dimer through every output a lab
// goes through: the FHIR Observation (LOINC, UCUM, reference range, flag), its hand-written JSON, the
// FHIR R4 validator, the CSV extract and the ingest normaliser. Generator 1.5.0 drew neither test.
import type { Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CohortOptions, SynthPatient } from '../model';
import { validateAndNormalise } from '../../preprocess/normalise';
import { generatePatientState } from '../state/patient';
import { troponinUrl } from '../state/cardiac-markers';
import { structuralIssues } from './conformance';
import { patientCsvRecords, csvHeader } from './csv';
import { observationJson } from './observation-json';
import { renderPatientResources } from './resources';

const options: CohortOptions = {
  patients: 1500,
  seed: 8957,
  hospital: 'cardiorenal',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

interface Rendered {
  patient: SynthPatient;
  observations: Observation[];
  csv: string[];
}

const rendered: Rendered[] = [];

beforeAll(() => {
  for (let i = 0; i < options.patients; i++) {
    const patient = generatePatientState(options, i);
    const keys = new Set(['troponin', 'uacr', 'ddimer']);
    if (!patient.measurements.some((m) => keys.has(m.key))) continue;
    const resources = renderPatientResources(patient, [], { asOf: options.asOf });
    rendered.push({
      patient,
      observations: resources.filter((r): r is Observation => r.resourceType === 'Observation'),
      csv: patientCsvRecords(resources)['observations.csv'],
    });
  }
});

/** The cells of one RFC 4180 record (quoted cells may hold commas and doubled quotes). */
function cellsOf(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) =>
    cell!.startsWith('"') ? cell!.slice(1, -1).replace(/""/g, '"') : cell!,
  );
}

const withCode = (loinc: string) =>
  rendered.flatMap(({ patient, observations }) =>
    observations
      .filter((o) => o.code?.coding?.[0]?.code === loinc)
      .map((observation) => ({ patient, observation })),
  );

describe('Function: renderPatientResources (hs troponin I and UACR)', () => {
  it('renders hs troponin I as LOINC 89579-7 in ng/L with the sex-specific 99th percentile URL and its flag', () => {
    // Prepare
    const troponins = withCode('89579-7');

    // Act
    const wrong = troponins.filter(({ patient, observation: o }) => {
      const url = troponinUrl[patient.demographics.sex];
      const flag = o.interpretation?.[0]?.coding?.[0]?.code;
      return (
        o.valueQuantity?.code !== 'ng/L' ||
        o.valueQuantity.system !== 'http://unitsofmeasure.org' ||
        o.category?.[0]?.coding?.[0]?.code !== 'laboratory' ||
        o.referenceRange?.[0]?.high?.value !== url ||
        o.referenceRange[0].low !== undefined ||
        flag !== (o.valueQuantity.value! > url ? 'H' : 'N')
      );
    });

    // Assess
    expect(troponins.length).toBeGreaterThan(50);
    expect(
      troponins.some(({ observation: o }) => o.interpretation?.[0]?.coding?.[0]?.code === 'H'),
    ).toBe(true);
    expect(wrong.map(({ observation: o }) => o.id)).toEqual([]);
  });

  it('renders UACR as LOINC 9318-7 in mg/g with the KDIGO A1 range (< 30 mg/g) and its flag', () => {
    // Prepare
    const uacrs = withCode('9318-7');

    // Act
    const wrong = uacrs.filter(({ observation: o }) => {
      const flag = o.interpretation?.[0]?.coding?.[0]?.code;
      return (
        o.valueQuantity?.code !== 'mg/g' ||
        o.referenceRange?.[0]?.high?.value !== 29 ||
        o.referenceRange[0].text !== '<30 mg/g' ||
        flag !== (o.valueQuantity.value! >= 30 ? 'H' : 'N')
      );
    });

    // Assess
    expect(uacrs.length).toBeGreaterThan(100);
    expect(wrong.map(({ observation: o }) => o.id)).toEqual([]);
  });

  it('serialises them as JSON.stringify does and passes FHIR R4 validation', () => {
    // Prepare
    const sample = [...withCode('89579-7').slice(0, 40), ...withCode('9318-7').slice(0, 40)];

    // Act
    const differing = sample.filter(
      ({ observation }) => observationJson(observation) !== JSON.stringify(observation),
    );
    const issues = sample.flatMap(({ observation }) => structuralIssues(observation));

    // Assess
    expect(sample.length).toBe(80);
    expect(differing).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('writes one CSV row per sample with the reference range and flag', () => {
    // Prepare
    const header = cellsOf(csvHeader('observations.csv'));
    const column = (name: string) => header.indexOf(name);
    const rows = rendered.flatMap(({ csv }) => csv.map(cellsOf));

    // Act
    const troponinRows = rows.filter((cells) => cells[column('loinc')] === '89579-7');
    const uacrRows = rows.filter((cells) => cells[column('loinc')] === '9318-7');

    // Assess
    expect(troponinRows.length).toBe(withCode('89579-7').length);
    expect(uacrRows.length).toBe(withCode('9318-7').length);
    expect(new Set(troponinRows.map((cells) => cells[column('ucum_unit')]))).toEqual(
      new Set(['ng/L']),
    );
    expect(new Set(troponinRows.map((cells) => cells[column('ref_high')]))).toEqual(
      new Set(['15.6', '34.2']),
    );
    expect(new Set(uacrRows.map((cells) => cells[column('ref_text')]))).toEqual(
      new Set(['<30 mg/g']),
    );
    expect(troponinRows.every((cells) => ['H', 'N'].includes(cells[column('flag')]!))).toBe(true);
  });

  it('ingests them as canonical quantities (no unit repair, no rejection)', () => {
    // Prepare
    const sample = [...withCode('89579-7'), ...withCode('9318-7')].map(
      ({ observation }) => observation,
    );

    // Act
    const repairs = sample.flatMap(
      (o) => validateAndNormalise(JSON.parse(JSON.stringify(o))).repairs,
    );
    const converted = validateAndNormalise({
      ...JSON.parse(JSON.stringify(sample[0]!)),
      valueQuantity: {
        value: 0.045,
        unit: 'ng/mL',
        system: 'http://unitsofmeasure.org',
        code: 'ng/mL',
      },
    });
    const impossible = () =>
      validateAndNormalise({
        ...JSON.parse(JSON.stringify(sample[0]!)),
        valueQuantity: {
          value: -3,
          unit: 'ng/L',
          system: 'http://unitsofmeasure.org',
          code: 'ng/L',
        },
      });

    // Assess
    expect(repairs).toEqual([]);
    expect((converted.resource as unknown as Observation).valueQuantity).toMatchObject({
      value: 45,
      code: 'ng/L',
    });
    expect(impossible).toThrow('impossible value');
  });
});

describe('Function: renderPatientResources (D-dimer FEU)', () => {
  it('renders it as LOINC 48065-7 in ng/mL{FEU} with the < 500 exclusion cut-off, valid, in the CSV and ingested as is', () => {
    // Prepare
    const ddimers = withCode('48065-7');
    const header = cellsOf(csvHeader('observations.csv'));
    const column = (name: string) => header.indexOf(name);
    const rows = rendered
      .flatMap(({ csv }) => csv.map(cellsOf))
      .filter((cells) => cells[column('loinc')] === '48065-7');

    // Act
    const wrong = ddimers.filter(({ observation: o }) => {
      const flag = o.interpretation?.[0]?.coding?.[0]?.code;
      return (
        o.valueQuantity?.code !== 'ng/mL{FEU}' ||
        o.referenceRange?.[0]?.high?.value !== 499 ||
        flag !== (o.valueQuantity.value! >= 500 ? 'H' : 'N')
      );
    });
    const issues = ddimers.slice(0, 40).flatMap(({ observation }) => structuralIssues(observation));
    const repairs = ddimers.flatMap(
      ({ observation }) => validateAndNormalise(JSON.parse(JSON.stringify(observation))).repairs,
    );
    const converted = validateAndNormalise({
      ...JSON.parse(JSON.stringify(ddimers[0]!.observation)),
      valueQuantity: {
        value: 0.62,
        unit: 'mg/L FEU',
        system: 'http://unitsofmeasure.org',
        code: 'mg/L{FEU}',
      },
    });

    // Assess
    expect(ddimers.length).toBeGreaterThan(20);
    expect(wrong.map(({ observation: o }) => o.id)).toEqual([]);
    expect(issues).toEqual([]);
    expect(rows.length).toBe(ddimers.length);
    expect(new Set(rows.map((cells) => cells[column('ucum_unit')]))).toEqual(
      new Set(['ng/mL{FEU}']),
    );
    expect(repairs).toEqual([]);
    expect((converted.resource as unknown as Observation).valueQuantity).toMatchObject({
      value: 620,
      code: 'ng/mL{FEU}',
    });
  });
});
