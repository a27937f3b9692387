// Tests (synth/notes with nlp): every frequency a generated note writes after a drug (lexicon/drugs.ts
// `frequencyWords`, prose and sig forms) is read whole by the NLP's drug attributes
// (nlp/relations/attributes.ts). Until 1.9.0 "qweek", "once a week", "every day", the cycle of
// capecitabine ("BID d1-14 q21d") and trastuzumab's "q3w" were read partly or not at all.
import { describe, expect, it } from 'vitest';
import { drugAttributes } from '../../nlp/relations/attributes';
import type { DosageTiming } from '../model';
import { generatePatientState } from '../state/patient';
import { frequencyWords } from './lexicon/drugs';

describe('Generated notes: drug frequencies the NLP reads', () => {
  it('reads every prose and sig form of every timing a cohort’s medications have', () => {
    const timings = new Map<string, DosageTiming | undefined>();
    const options = { seed: 3, patients: 6000, hospital: 'freq', dirtyRate: 0, asOf: '2026-01-01' };
    for (let i = 0; i < options.patients; i++)
      for (const m of generatePatientState(options, i).medications)
        timings.set(JSON.stringify(m.timing ?? null), m.timing);
    // The rare ones a cohort of this size may miss: capecitabine's cycle, trastuzumab every 3 weeks.
    timings.set('cycle', {
      frequency: 2,
      period: 1,
      periodUnit: 'd',
      cycle: { daysOn: 14, cycleDays: 21 },
    });
    timings.set('q3w', { frequency: 1, period: 3, periodUnit: 'wk' });
    const forms = new Set<string>();
    for (const timing of timings.values()) {
      const [prose, sig] = frequencyWords(timing);
      for (const form of [...prose, ...sig]) forms.add(form);
    }
    expect(forms.size).toBeGreaterThan(25);
    for (const form of forms) {
      const text = `drug 10 mg ${form}`;
      expect(drugAttributes(text, 4, text.length).frequency, form).toBe(form);
    }
  });
});
