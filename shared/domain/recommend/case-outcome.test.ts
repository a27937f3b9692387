import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
import { caseFacts, hardAscvdEventDays, treatmentStarts } from './case-outcome';

const at = new Date('2026-01-01T00:00:00Z');

const request = (display: string, authoredOn?: string, status = 'completed'): FhirJson => ({
  resourceType: 'MedicationRequest',
  id: `m-${display}-${authoredOn ?? 'none'}`,
  status,
  intent: 'order',
  medicationCodeableConcept: {
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', display }],
  },
  ...(authoredOn ? { authoredOn } : {}),
});

const event = (
  onset: string,
  coding: { system: string; code: string },
  verification = 'confirmed',
): FhirJson => ({
  resourceType: 'Condition',
  id: `c-${coding.code}-${onset}`,
  clinicalStatus: { coding: [{ code: 'resolved' }] },
  verificationStatus: { coding: [{ code: verification }] },
  code: { coding: [coding] },
  onsetDateTime: onset,
});
const icd = (code: string) => ({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code });
const snomed = (code: string) => ({ system: 'http://snomed.info/sct', code });

describe('Function: caseFacts', () => {
  it('counts an MI under the treatments started before it, not under one started after it', () => {
    // Prepare
    const record = [
      request('atorvastatin 40 MG Oral Tablet', '2019-03-01'),
      request('lisinopril 10 MG Oral Tablet', '2018-06-01', 'active'),
      event('2022-05-10T08:00:00-05:00', icd('I21.4')),
      request('clopidogrel 75 MG Oral Tablet', '2022-05-12'),
    ];
    // Act
    const facts = caseFacts(record, at);
    // Assess
    expect(facts).toEqual({
      treatments: ['atorvastatin', 'clopidogrel', 'lisinopril'],
      eventAfter: ['atorvastatin', 'lisinopril'],
    });
  });

  it('does not count an event on the day the treatment started (the reason, not the outcome)', () => {
    const facts = caseFacts(
      [request('aspirin 81 MG Oral Tablet', '2021-02-03'), event('2021-02-03', snomed('22298006'))],
      at,
    );
    expect(facts.eventAfter).toEqual([]);
  });

  it('counts an event up to 10 years (3652 days) after the start, and not a day later', () => {
    const within = caseFacts(
      [request('amlodipine 5 MG Oral Tablet', '2012-01-01'), event('2021-12-31', icd('I63.9'))],
      at,
    );
    const beyond = caseFacts(
      [request('amlodipine 5 MG Oral Tablet', '2012-01-01'), event('2022-01-01', icd('I63.9'))],
      at,
    );
    expect(within.eventAfter).toEqual(['amlodipine']);
    expect(beyond.eventAfter).toEqual([]);
  });

  it('measures from the first start when a medicine was prescribed more than once', () => {
    const facts = caseFacts(
      [
        request('metformin 500 MG Oral Tablet', '2023-01-01'),
        request('metformin 500 MG Oral Tablet', '2020-01-01'),
        event('2021-07-01', snomed('230690007')),
      ],
      at,
    );
    expect(facts.eventAfter).toEqual(['metformin']);
  });

  it('ignores refuted events, TIA, and anything recorded after the instant asked about', () => {
    const facts = caseFacts(
      [
        request('losartan 50 MG Oral Tablet', '2015-01-01'),
        event('2019-01-01', icd('I21.9'), 'refuted'),
        event('2019-01-01', icd('G45.9')),
        event('2026-06-01', icd('I63.9')),
        request('apixaban 5 MG Oral Tablet', '2026-03-01'),
      ],
      at,
    );
    expect(facts).toEqual({ treatments: ['losartan'], eventAfter: [] });
  });
});

describe('Function: hardAscvdEventDays', () => {
  it('recognises MI and stroke by ICD-10-CM prefix or SNOMED CT concept, as calendar days', () => {
    const days = hardAscvdEventDays(
      [
        event('2020-01-02T23:30:00+09:00', icd('I22.0')),
        event('2020-03-04', snomed('422504002')),
        event('2020-05-06', snomed('274100004')),
        event('2020-07-08', icd('I25.10')), // chronic coronary disease is not an event
        event('2020-09-10', icd('E11.9')),
      ],
      at,
    );
    expect(days).toEqual(['2020-01-02', '2020-03-04', '2020-05-06']);
  });
});

describe('Function: treatmentStarts', () => {
  it('takes ingredients from RxNorm names, combinations included, and skips undated or erroneous entries', () => {
    const starts = treatmentStarts(
      [
        request('lisinopril 20 MG / hydrochlorothiazide 12.5 MG Oral Tablet', '2017-04-01'),
        request('simvastatin 20 MG Oral Tablet'),
        request('warfarin sodium 5 MG Oral Tablet', '2016-01-01', 'entered-in-error'),
        {
          resourceType: 'MedicationDispense',
          id: 'd1',
          status: 'completed',
          medicationCodeableConcept: { coding: [{ display: 'sertraline 50 MG Oral Tablet' }] },
          whenHandedOver: '2024-02-02T10:00:00Z',
        },
        {
          resourceType: 'MedicationStatement',
          id: 's1',
          status: 'active',
          medicationCodeableConcept: { text: 'Acetaminophen 500 MG Oral Tablet' },
          effectivePeriod: { start: '2023-03-03' },
        },
      ],
      at,
    );
    expect(Object.fromEntries(starts)).toEqual({
      hydrochlorothiazide: '2017-04-01',
      lisinopril: '2017-04-01',
      paracetamol: '2023-03-03',
      sertraline: '2024-02-02',
    });
  });

  it('keeps nothing that could identify the patient: only catalog names and no dates', () => {
    const facts = caseFacts(
      [request('atorvastatin 40 MG Oral Tablet', '2019-03-01'), event('2020-01-01', icd('I21.4'))],
      at,
    );
    expect(JSON.stringify(facts)).not.toMatch(/\d{4}-\d{2}|m-|c-/);
  });
});
