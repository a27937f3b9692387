// Domain (monitoring): the NEWS2 scorer monitoring uses, built on the one NEWS2 chart in
// shared/domain/risk/news2.ts (RCP NEWS2 2017, Charts 1 and 2). A parameter older than 24 hours is
// stale and does not count (the same limit risk/fhir/provide.ts uses for acute scores): the
// aggregate and category are then lower bounds, and the result says which parameters were missing
// or stale so an alert can say "NEWS2 incomplete" instead of "NEWS2 low".
import { news2ClinicalRisk, news2Parameters, type News2Inputs } from '../risk/news2';
import type { News2Category, News2Input, News2Result, News2Scorer } from './news2-input';

/** Vital signs older than this do not count towards NEWS2. */
export const news2MaxAgeMs = 24 * 3600_000;

const acvpu: Record<string, News2Inputs['consciousness']> = {
  A: 'alert',
  C: 'new-confusion',
  V: 'voice',
  P: 'pain',
  U: 'unresponsive',
};

export const news2Scorer: News2Scorer = (input: News2Input): News2Result => {
  const now = Date.parse(input.now);
  const missing: string[] = [];
  const stale: string[] = [];
  const current = <T>(name: string, v: { value: T; at: string } | undefined): T | undefined => {
    if (!v) return void missing.push(name);
    if (now - Date.parse(v.at) > news2MaxAgeMs) return void stale.push(name);
    return v.value;
  };
  const consciousness = current('consciousness', input.consciousness);
  const values: Partial<News2Inputs> = {
    respiratoryRate: current('respiratoryRate', input.respiratoryRate),
    spo2: current('spo2', input.spo2),
    supplementalOxygen: current('onOxygen', input.onOxygen),
    systolic: current('systolic', input.systolic),
    pulse: current('pulse', input.pulse),
    temperature: current('temperature', input.temperature),
    hypercapnicRespiratoryFailure: input.spo2Scale === 2,
    ...(consciousness ? { consciousness: acvpu[consciousness] } : {}),
  };
  for (const key of Object.keys(values) as (keyof News2Inputs)[])
    if (values[key] === undefined) delete values[key];
  const points = Object.values(news2Parameters(values));
  const value = points.reduce((a, b) => a + b, 0);
  return {
    value,
    category: news2ClinicalRisk(value, points.includes(3)) as News2Category,
    missing,
    stale,
  };
};
