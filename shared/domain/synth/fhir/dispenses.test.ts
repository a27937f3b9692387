import type { MedicationDispense } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { TrueMedication } from '../model';
import { epochDay } from './calendar';
import { dispenseLookbackDays, fillSchedule, proportionOfDaysCovered } from './dispenses';
import {
  adultWithHypertensionAndDiabetes,
  childWithAsthma,
  fixtureAsOf,
  fixtureMedications,
} from './fixtures';
import { renderPatientResources } from './resources';

const asOf = fixtureAsOf;
const lisinopril = fixtureMedications.adult()[0]!;

function withAdherence(adherence: number, daysSupply = 30): TrueMedication {
  return { ...lisinopril, adherence, dispense: { quantity: daysSupply, daysSupply } };
}

describe('Function: fillSchedule', () => {
  it.each([0.3, 0.5, 0.6, 0.8, 0.9, 1])(
    'spaces 30- and 90-day fills so PDC over the year is %d within 0.03',
    (adherence) => {
      for (const daysSupply of [30, 90]) {
        // Act
        const fills = fillSchedule(withAdherence(adherence, daysSupply), asOf, `seed-${adherence}`);

        // Assess
        const end = epochDay(asOf);
        const pdc = proportionOfDaysCovered(fills, end - dispenseLookbackDays, end);
        expect(Math.abs(pdc - adherence)).toBeLessThan(0.03);
      }
    },
  );

  it('stops at the end of a finished course and marks only the course start as a first fill', () => {
    // Act
    const amoxicillin = fixtureMedications.child()[2]!;
    const fills = fillSchedule(amoxicillin, asOf, 'seed');

    // Assess
    expect(fills).toEqual([{ day: epochDay('2024-11-03'), daysSupply: 10, first: true }]);
    expect(fillSchedule(lisinopril, asOf, 'seed').some((f) => f.first)).toBe(false);
  });

  it('fills nothing for a course that starts after the export date', () => {
    expect(fillSchedule({ ...lisinopril, start: '2026-03-01' }, asOf, 'seed')).toEqual([]);
  });
});

describe('Function: proportionOfDaysCovered', () => {
  it('counts overlapping supply once and clips at the window', () => {
    // Prepare
    const fills = [
      { day: 0, daysSupply: 30, first: true },
      { day: 20, daysSupply: 30, first: false },
      { day: 90, daysSupply: 30, first: false },
    ];

    // Act
    const pdc = proportionOfDaysCovered(fills, 0, 100);

    // Assess: days 0-49 and 90-99.
    expect(pdc).toBeCloseTo(0.6, 10);
  });
});

describe('Function: renderPatientResources (dispenses)', () => {
  it('renders fills whose PDC matches each medication’s adherence', () => {
    // Prepare
    const patient = adultWithHypertensionAndDiabetes();

    // Act
    const resources = renderPatientResources(patient, [], { asOf });

    // Assess: PDC recomputed from the MedicationDispense resources alone.
    patient.medications.slice(0, 2).forEach((medication, index) => {
      const requestId = resources.filter((r) => r.resourceType === 'MedicationRequest')[index]!.id;
      const dispenses = resources.filter(
        (r): r is MedicationDispense =>
          r.resourceType === 'MedicationDispense' &&
          r.authorizingPrescription?.[0]?.reference === `MedicationRequest/${requestId}`,
      );
      const fills = dispenses.map((d) => ({
        day: epochDay(d.whenHandedOver!),
        daysSupply: d.daysSupply!.value!,
        first: d.type?.coding?.[0]?.code === 'FF',
      }));
      const end = epochDay(asOf);
      expect(
        Math.abs(proportionOfDaysCovered(fills, end - 365, end) - medication.adherence),
      ).toBeLessThan(0.05);
      expect(dispenses.every((d) => d.status === 'completed' && d.whenHandedOver! < asOf)).toBe(
        true,
      );
    });
  });

  it('links every dispense of a PRN inhaler to its prescription', () => {
    // Act
    const resources = renderPatientResources(childWithAsthma(), [], { asOf });

    // Assess
    const albuterol = resources.find((r) => r.resourceType === 'MedicationRequest')!;
    const dispenses = resources.filter(
      (r): r is MedicationDispense => r.resourceType === 'MedicationDispense',
    );
    expect(
      dispenses.filter(
        (d) => d.authorizingPrescription?.[0]?.reference === `MedicationRequest/${albuterol.id}`,
      ).length,
    ).toBeGreaterThan(3);
  });
});
