// Domain (monitoring): the NEWS2 scorer as a dependency, and the assembly of its inputs from readings.
// The scoring table itself lives in shared/domain/risk/news2.ts (RCP NEWS2 chart 2017); monitoring only
// gathers the latest value of each parameter, with its time, and reacts to the result.
import { latestReading, type Consciousness, type Reading } from './readings';

/** A parameter value with the time it was measured (ISO 8601). */
export interface Timed<T> {
  value: T;
  at: string;
}

/** Inputs of NEWS2 (RCP 2017): each parameter's latest value and time; absent when never measured. */
export interface News2Input {
  respiratoryRate?: Timed<number>; // breaths/min
  spo2?: Timed<number>; // %
  /** SpO2 scale 1, or 2 for patients with hypercapnic respiratory failure (prescribed target 88-92 %). */
  spo2Scale: 1 | 2;
  onOxygen?: Timed<boolean>;
  systolic?: Timed<number>; // mm[Hg]
  pulse?: Timed<number>; // beats/min
  consciousness?: Timed<Consciousness>;
  temperature?: Timed<number>; // Cel
  /** The moment the score is for; parameters older than the scorer's limit are stale. */
  now: string;
}

export type News2Category = 'low' | 'low-medium' | 'medium' | 'high';

export interface News2Result {
  value: number;
  category: News2Category;
  /** Parameters that were absent, and parameters present but too old to count as current. */
  missing: string[];
  stale: string[];
}

/** The scorer the lead wires to shared/domain/risk/news2.ts. */
export type News2Scorer = (input: News2Input) => News2Result;

/**
 * The NEWS2 input at `now` (epoch ms) from a patient's readings: the latest reading of each parameter
 * at or before `now`, and the ids of the Observations used. On oxygen: the latest of an inhaled-oxygen
 * flow > 0 L/min or an inspired concentration > 21 % (RCP NEWS2 2017: "any supplemental oxygen").
 */
export function news2Input(
  readings: readonly Reading[],
  now: number,
  spo2Scale: 1 | 2 = 1,
): { input: News2Input; observationIds: string[] } {
  const used: Reading[] = [];
  const latest = (concept: Reading['concept']) => {
    const r = latestReading(readings, concept, now);
    if (r) used.push(r);
    return r;
  };
  const timed = (r: Reading | undefined) => (r ? { value: r.value, at: r.time } : undefined);
  const consciousness = latest('consciousness');
  const input = compact({
    respiratoryRate: timed(latest('respiratoryRate')),
    spo2: timed(latest('spo2')),
    spo2Scale,
    onOxygen: oxygenState(latest('oxygenFlow'), latest('inspiredOxygen')),
    systolic: timed(latest('systolic')),
    pulse: timed(latest('heartRate')),
    consciousness: consciousness?.level
      ? { value: consciousness.level, at: consciousness.time }
      : undefined,
    temperature: timed(latest('temperature')),
    now: new Date(now).toISOString(),
  });
  return { input, observationIds: [...new Set(used.map((r) => r.observationId))] };
}

/** Names of the NEWS2 parameters present in an input. */
export function news2ParametersPresent(input: News2Input): string[] {
  return news2Parameters.filter((k) => input[k] !== undefined);
}

export const news2Parameters = [
  'respiratoryRate',
  'spo2',
  'onOxygen',
  'systolic',
  'pulse',
  'consciousness',
  'temperature',
] as const;

function oxygenState(
  flow: Reading | undefined,
  fio2: Reading | undefined,
): Timed<boolean> | undefined {
  const latest = [flow, fio2].filter((r): r is Reading => !!r).sort((a, b) => b.t - a.t)[0];
  if (!latest) return undefined;
  const on = latest.concept === 'oxygenFlow' ? latest.value > 0 : latest.value > 21;
  return { value: on, at: latest.time };
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
