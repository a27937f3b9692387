import type {
  Condition,
  DocumentReference,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { malformedCodes, structuralIssues, unresolvedReferences } from './conformance';
import {
  adultWithHypertensionAndDiabetes,
  asAnotherPatient,
  childWithAsthma,
  fixtureAsOf,
  fixtureNotes,
  fixturePatients,
  inpatientStay,
} from './fixtures';
import { renderPatientResources, renderedResourceTypes, type PatientResource } from './resources';

const options = { asOf: fixtureAsOf };

function render(patient = adultWithHypertensionAndDiabetes()): PatientResource[] {
  return renderPatientResources(patient, fixtureNotes(patient), options);
}

function ofType<T extends Resource>(resources: readonly Resource[], type: T['resourceType']): T[] {
  return resources.filter((r): r is T => r.resourceType === type);
}

describe('Function: renderPatientResources', () => {
  const rendered = fixturePatients().map((patient) => ({ patient, resources: render(patient) }));

  it('renders every resource type the export promises across the fixtures', () => {
    // Act
    const types = new Set(
      rendered.flatMap(({ resources }) => resources.map((r) => r.resourceType)),
    );

    // Assess
    expect([...types].sort()).toEqual([...renderedResourceTypes].sort());
  });

  it('passes FHIR R4 validation (and the R4 vital-signs profiles it claims) with zero issues', () => {
    // Act
    const issues = rendered.flatMap(({ resources }) =>
      resources.flatMap((r) =>
        structuralIssues(r).map((issue) => `${r.resourceType}/${r.id}: ${issue}`),
      ),
    );

    // Assess
    expect(rendered.reduce((n, { resources }) => n + resources.length, 0)).toBeGreaterThan(250);
    expect(issues).toEqual([]);
  });

  it('has a validator that does fail a broken resource, so the zero above means something', () => {
    // Prepare
    const observation = {
      ...ofType<Observation>(render(), 'Observation')[0]!,
    } as Partial<Observation>;
    delete observation.status;

    // Act
    const issues = structuralIssues(observation as Resource);

    // Assess
    expect(issues.some((issue) => issue.startsWith('error') && issue.includes('status'))).toBe(
      true,
    );
  });

  it('resolves every reference to a resource of the same patient', () => {
    for (const { resources } of rendered) expect(unresolvedReferences(resources)).toEqual([]);
  });

  it('writes only well-formed codes (LOINC and SNOMED CT check digits, ICD-10-CM, RxNorm)', () => {
    for (const { resources } of rendered) expect(malformedCodes(resources)).toEqual([]);
  });

  it('gives every resource a distinct lower-case UUID id', () => {
    // Act
    const ids = rendered.flatMap(({ resources }) => resources.map((r) => r.id!));

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('renders the same bytes for the same patient, and other ids for another patient', () => {
    // Act
    const first = JSON.stringify(render());
    const second = JSON.stringify(render());
    const other = render(asAnotherPatient(adultWithHypertensionAndDiabetes(), 7));

    // Assess
    expect(second).toBe(first);
    const ids = new Set(render().map((r) => r.id));
    expect(other.filter((r) => ids.has(r.id))).toEqual([]);
  });
});

describe('Function: renderPatientResources (Patient)', () => {
  it('carries the MRN, US Core race, ethnicity and birth sex, language and marital status', () => {
    // Act
    const patient = ofType<Patient>(render(), 'Patient')[0]!;

    // Assess
    expect(patient.identifier?.[0]).toMatchObject({
      system: 'urn:caregraph:hospital:general-east:mrn',
      value: 'MRN0001001',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
    });
    const race = patient.extension?.find((e) => e.url.endsWith('us-core-race'));
    expect(race?.extension?.map((e) => e.url)).toEqual(['ombCategory', 'text']);
    expect(patient.extension?.find((e) => e.url.endsWith('us-core-birthsex'))?.valueCode).toBe('M');
    expect(patient.communication?.[0]?.language.coding?.[0]?.code).toBe('en-US');
    expect(patient.maritalStatus?.coding?.[0]?.code).toBe('M');
    expect(patient.deceasedDateTime).toBeUndefined();
  });

  it('says when the patient died only when told', () => {
    // Act
    const patient = renderPatientResources(inpatientStay(), [], {
      asOf: fixtureAsOf,
      deceasedDateTime: '2025-09-30T04:10:00-04:00',
    })[0] as Patient;

    // Assess
    expect(patient.deceasedDateTime).toBe('2025-09-30T04:10:00-04:00');
    expect(structuralIssues(patient)).toEqual([]);
  });
});

describe('Function: renderPatientResources (clinical content)', () => {
  it('codes conditions in SNOMED CT and ICD-10-CM and dates the end of resolved ones', () => {
    // Act
    const conditions = ofType<Condition>(render(childWithAsthma()), 'Condition');

    // Assess
    const otitis = conditions.find((c) => c.code?.coding?.[1]?.code === 'H66.90')!;
    expect(otitis.code?.coding?.map((c) => c.system)).toEqual([
      'http://snomed.info/sct',
      'http://hl7.org/fhir/sid/icd-10-cm',
    ]);
    expect(otitis.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    expect(otitis.abatementDateTime).toBe('2024-11-13');
    expect(otitis.category?.[0]?.coding?.[0]?.code).toBe('encounter-diagnosis');
    const asthma = conditions.find((c) => c.code?.coding?.[0]?.code === '195967001')!;
    expect(asthma.severity?.coding?.[0]?.code).toBe('6736007');
    expect(asthma.abatementDateTime).toBeUndefined();
  });

  it('renders blood pressure as an 85354-9 panel with systolic and diastolic components', () => {
    // Act
    const panel = ofType<Observation>(render(), 'Observation').find(
      (o) => o.code?.coding?.[0]?.code === '85354-9',
    )!;

    // Assess
    expect(panel.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value])).toEqual(
      [
        ['8480-6', 148],
        ['8462-4', 92],
      ],
    );
    expect(panel.meta?.profile).toEqual(['http://hl7.org/fhir/StructureDefinition/bp']);
  });

  it('answers smoking status with SNOMED CT findings', () => {
    // Act
    const answers = fixturePatients().map(
      (patient) =>
        ofType<Observation>(render(patient), 'Observation')
          .filter((o) => o.code?.coding?.[0]?.code === '72166-2')
          .map((o) => o.valueCodeableConcept?.coding?.[0]?.code)[0],
    );

    // Assess: current smoker, none for the 8-year-old (not asked under 12), two ex-smokers (one from
    // the model's measurement, one synthesised from the risk factor at the last visit).
    expect(answers).toEqual(['449868002', undefined, '8517006', '8517006']);
  });

  it('flags labs against their reference range', () => {
    // Act
    const hba1c = ofType<Observation>(render(), 'Observation').find(
      (o) => o.code?.coding?.[0]?.code === '4548-4',
    )!;

    // Assess
    expect(hba1c.referenceRange?.[0]?.high?.value).toBe(5.6);
    expect(hba1c.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });

  it('orders medications with RxNorm, a structured timing, route, dose and the indication', () => {
    // Act
    const resources = render();
    const [lisinopril, metformin, , amlodipine] = ofType<MedicationRequest>(
      resources,
      'MedicationRequest',
    );

    // Assess
    expect(lisinopril!.status).toBe('active');
    expect(amlodipine!.status).toBe('completed');
    const dosage = metformin!.dosageInstruction![0]!;
    expect(dosage.text).toBe('500 mg by mouth twice daily with breakfast and with dinner');
    expect(dosage.timing?.repeat).toMatchObject({
      frequency: 2,
      period: 1,
      periodUnit: 'd',
      when: ['CM', 'CV'],
    });
    expect(dosage.route?.coding?.[0]?.code).toBe('26643006');
    expect(dosage.doseAndRate?.[0]?.doseQuantity).toMatchObject({ value: 500, code: 'mg' });
    const reason = metformin!.reasonReference?.[0]?.reference;
    expect(resources.find((r) => `Condition/${r.id}` === reason)).toBeDefined();
  });

  it('keeps timeOfDay and drops when if the model gives both (FHIR invariant tim-10)', () => {
    // Act
    const fluticasone = ofType<MedicationRequest>(
      render(childWithAsthma()),
      'MedicationRequest',
    )[1]!;

    // Assess
    const repeat = fluticasone.dosageInstruction?.[0]?.timing?.repeat;
    expect(repeat?.timeOfDay).toEqual(['08:00:00', '20:00:00']);
    expect(repeat?.when).toBeUndefined();
  });

  it('stores each note as base64 UTF-8 text linked to its encounter', () => {
    // Prepare
    const patient = inpatientStay();
    const notes = fixtureNotes(patient);

    // Act
    const documents = ofType<DocumentReference>(
      renderPatientResources(patient, notes, options),
      'DocumentReference',
    );

    // Assess
    expect(documents.map((d) => d.type?.coding?.[0]?.code)).toEqual([
      '34117-2',
      '11506-3',
      '18842-5',
    ]);
    const attachment = documents[0]!.content[0]!.attachment;
    expect(attachment.contentType).toBe('text/plain; charset=utf-8');
    expect(Buffer.from(attachment.data!, 'base64').toString('utf8')).toBe(notes[0]!.text);
    expect(documents[0]!.context?.encounter?.[0]?.reference).toMatch(/^Encounter\//);
  });

  it('writes one FamilyMemberHistory per relative with onset ages, age at death and its cause', () => {
    // Act
    const histories = render().filter((r) => r.resourceType === 'FamilyMemberHistory');

    // Assess
    expect(histories).toHaveLength(2);
    expect(histories[0]).toMatchObject({
      relationship: { coding: [{ code: 'FTH' }] },
      deceasedAge: { value: 58, unit: 'years', code: 'a' },
      condition: [
        { onsetAge: { value: 55, code: 'a' }, contributedToDeath: true },
        { onsetAge: { value: 45, code: 'a' }, contributedToDeath: false },
      ],
    });
    expect(histories[0]).not.toHaveProperty('deceasedBoolean');
    expect(histories[1]).not.toHaveProperty('deceasedAge');
    expect(histories[1]!.condition![0]).not.toHaveProperty('contributedToDeath');
  });
});
