import { describe, expect, it } from 'vitest';
import { inUploadOrder } from './upload-order';

describe('Function: inUploadOrder', () => {
  it('sends companions, patients, referenced resources and encounters before the records that point at them', () => {
    const names = [
      'Observation.ndjson',
      'Encounter.ndjson',
      'csv/mapping.json',
      'Patient.ndjson',
      'Practitioner.ndjson',
      'MedicationDispense.ndjson',
      'MedicationRequest.ndjson',
      'bundles/b1.bundle.json',
    ];
    expect(inUploadOrder(names)).toEqual([
      'csv/mapping.json',
      'Patient.ndjson',
      'Practitioner.ndjson',
      'Encounter.ndjson',
      'MedicationRequest.ndjson',
      'bundles/b1.bundle.json',
      'MedicationDispense.ndjson',
      'Observation.ndjson',
    ]);
  });
});
