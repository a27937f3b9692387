// Domain (synth/state): renders planned encounters as TrueEncounters — ids, local ISO times in the
// patient's zone, and the notes each encounter produces.
import type { TrueEncounter } from '../model';
import type { Rng } from '../rng';
import { localDateTime, type UsZone } from './calendar';
import type { EncounterPlan } from './encounters';
import { fastUuid } from './math';

/**
 * Inpatient stays: H&P on admission, progress notes from a 3-day stay, discharge summary; ED visits an
 * ED provider note (H&P-shaped); office visits an H&P for a new problem, else a progress note.
 */
function noteKinds(plan: EncounterPlan, firstOfReason: boolean): TrueEncounter['noteKinds'] {
  if (plan.kind === 'inpatient') {
    return plan.endDay - plan.day >= 3
      ? ['history-and-physical', 'progress', 'discharge-summary']
      : ['history-and-physical', 'discharge-summary'];
  }
  if (plan.kind === 'emergency') return ['history-and-physical'];
  return firstOfReason ? ['history-and-physical'] : ['progress'];
}

/** Renders plans as TrueEncounters with ids from the stream and local ISO times in `zone`. */
export function toTrueEncounters(
  rng: Rng,
  plans: readonly EncounterPlan[],
  zone: UsZone,
): TrueEncounter[] {
  const seen = new Set<string>();
  return plans.map((plan) => {
    const reasonKey = `${plan.kind === 'wellness' ? 'wellness' : ''}${plan.reason ?? ''}`;
    const first = !seen.has(reasonKey);
    seen.add(reasonKey);
    const encounter: TrueEncounter = {
      id: fastUuid(rng),
      kind: plan.kind,
      start: localDateTime(zone, plan.day, plan.startMinute),
      end: localDateTime(zone, plan.endDay, plan.endMinute),
      noteKinds: noteKinds(plan, first),
    };
    if (plan.reason) encounter.reason = plan.reason;
    if (plan.readmission) encounter.readmission = true;
    return encounter;
  });
}
