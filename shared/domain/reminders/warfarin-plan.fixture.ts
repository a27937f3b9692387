// Test fixture: patient p1's daily warfarin order (MedicationRequest mr1) and a re-plan of p1's
// reminders (hospital h) from that order alone, 7 days from 10 March 2026 in UTC, as the reminders
// tests set them up.
import type { Bundle, MedicationRequest } from '@medplum/fhirtypes';
import type { Table } from '../../ports/table';
import { planReminders } from './plan';
import { replanReminders } from './schedule-reminders';

/** Order mr1 for patient p1: Warfarin 5 MG once a day at `time`, authored 1 March 2026. */
export const warfarin = (
  status: MedicationRequest['status'],
  time = '08:00:00',
): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status,
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Warfarin 5 MG' },
  authoredOn: '2026-03-01',
  dosageInstruction: [
    { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: [time] } } },
  ],
});

/**
 * Re-plan patient p1's whole plan (7 days from 10 March, UTC, until 17 March) from one order, at
 * instant `now`.
 */
export function replan(table: Table, request: MedicationRequest, now = '2026-03-10T06:00:00Z') {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: request }],
  };
  const plan = planReminders(bundle, { tz: 'UTC', from: '2026-03-10', days: 7 });
  return replanReminders(
    { serving: table },
    { hospital: 'h', patient: 'p1', tz: 'UTC', doses: plan.doses, refills: plan.refills },
    { now: new Date(now), until: new Date('2026-03-17T00:00:00Z') },
  );
}
