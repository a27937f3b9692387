// Tests (synth): a generated cohort's systemic cancer therapy agrees with its genome, its FHIR export
// and its notes (cancer-therapy.ts prescribes from the genome's own tumour draws, before the genome).
import type { Bundle, MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { renderCohortPatient, type RenderedPatient } from '../cohort';
import type { CohortOptions } from '../model';
import { generatePatientState } from './patient';

const options: CohortOptions = {
  patients: 30000,
  seed: 77,
  hospital: 'cancer-tx',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const therapy = new Set(['osimertinib-80', 'capecitabine-500']);
const cancers = new Set(['breast-cancer', 'lung-cancer', 'colorectal-cancer']);

/** Every lung and colorectal cancer patient of the cohort, rendered (state first, to skip the rest). */
const rendered: RenderedPatient[] = [];
for (let i = 0; i < options.patients; i++) {
  const state = generatePatientState(options, i);
  if (state.conditions.some((c) => c.key === 'lung-cancer' || c.key === 'colorectal-cancer'))
    rendered.push(renderCohortPatient(options, i));
}
const treated = rendered.filter((r) => r.patient.medications.some((m) => therapy.has(m.key)));

describe('Cancer therapy in a generated cohort', () => {
  it('prescribes osimertinib only for tumours whose genome reports EGFR L858R', () => {
    const withEgfr = rendered.filter((r) =>
      r.patient.genome?.tumour.some((f) => f.gene === 'EGFR' && f.alteration === 'L858R'),
    );
    expect(withEgfr.length).toBeGreaterThan(3);
    let onOsimertinib = 0;
    for (const r of rendered) {
      expect(r.patient.genome).toBeDefined();
      const egfr = withEgfr.includes(r);
      const osimertinib = r.patient.medications.some((m) => m.key === 'osimertinib-80');
      if (osimertinib) onOsimertinib++;
      if (!egfr) expect(osimertinib).toBe(false);
    }
    expect(onOsimertinib).toBeGreaterThan(0);
  });

  it('exports each course as a MedicationRequest, completed once its planned end has passed', () => {
    expect(treated.length).toBeGreaterThan(10);
    for (const r of treated) {
      const bundle = JSON.parse(r.bundle.join('')) as Bundle;
      const requests = (bundle.entry ?? [])
        .map((e) => e.resource)
        .filter((x): x is MedicationRequest => x?.resourceType === 'MedicationRequest');
      for (const m of r.patient.medications.filter((x) => therapy.has(x.key))) {
        const request = requests.find(
          (q) =>
            q.medicationCodeableConcept?.coding?.[0]?.code === m.rxnorm.code &&
            q.authoredOn === m.start,
        );
        expect(request).toBeDefined();
        const ended = m.end !== undefined && m.end <= options.asOf;
        expect(request!.status).toBe(ended ? 'completed' : 'active');
        const text = request!.dosageInstruction?.[0]?.text ?? '';
        if (m.key === 'capecitabine-500') {
          expect(text).toMatch(/twice daily .*on days 1-14 of each 21-day cycle$/);
          expect(request!.dispenseRequest?.expectedSupplyDuration?.value).toBe(21);
        } else expect(text).toBe('80 mg by mouth once daily');
      }
    }
  });

  it('names the drug in the notes written while it is taken', () => {
    let notesOnTherapy = 0;
    let named = 0;
    for (const r of treated)
      for (const m of r.patient.medications.filter((x) => therapy.has(x.key)))
        for (const note of r.notes) {
          const date = note.date.slice(0, 10);
          if (date < m.start || (m.end !== undefined && date >= m.end)) continue;
          notesOnTherapy++;
          if (/osimertinib|tagrisso|capecitabine|xeloda/i.test(note.text)) named++;
        }
    expect(notesOnTherapy).toBeGreaterThan(5);
    expect(named / notesOnTherapy).toBeGreaterThan(0.5);
  });

  it('genotypes every cancer patient, so the tumour findings prescribed from are in the VCF', () => {
    for (const r of rendered)
      if (r.patient.conditions.some((c) => cancers.has(c.key))) expect(r.vcf).toBeDefined();
  });
});
