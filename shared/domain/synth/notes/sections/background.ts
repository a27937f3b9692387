// Domain (synth/notes/sections): past medical and surgical history: present chronic conditions and
// historical ones ("h/o DVT in 2015", "s/p appendectomy", "previously treated for depression").
import { cancerKeys, cancerPhase, type CancerPhase } from '../cancer';
import type { Composer } from '../composer';
import type { ConditionAtDate } from '../context';
import { writeMedicationName } from '../render/medications';
import {
  writeBlockList,
  writeCondition,
  writeInlineList,
  writeProcedure,
} from '../render/mentions';
import { writeMonthYear, writeYear } from '../render/phi';
import { goalBand } from '../goals';
import { bank, gate, say, type Slots } from '../template';
import { writeHeader } from './headers';
import { systems } from '../../catalog';
import { improvedBy, phenotypeOf, type HeartFailurePhenotype } from '../../state/heart-failure';
import { conditionTerms } from '../lexicon/conditions';

/** Past-history phrasings for conditions that are history by the note date (>= 6). */
const historicalItems = bank(
  '<history of|h/o|hx of> {dx} in {year}',
  's/p {dx} ({year})',
  'remote history of {dx}',
  'previously treated for {dx}',
  'prior {dx} in {year}',
  '<history of|h/o> {dx}, resolved',
  '{dx} ({year}), resolved',
  'past {dx} ({monthYear})',
);

/** Phrasings for conditions present at the note date. */
const presentItems = bank(
  '{dx}',
  '{dx}',
  '{dx} (dx {year})',
  '{dx}, on {med}',
  '{dx}{ -|,} {severity}',
  '{severity} {dx}',
  '{dx} since {year}',
  '{dx}, {controlled|stable|well controlled}{atGoal}',
  '{dx}, followed by PCP',
  '{dx} diagnosed {monthYear}',
  // Heart failure by its LVEF category (the slot is filled only for heart failure with a phenotype).
  '{phenotype}',
  '{phenotype} (dx {year})',
  '{phenotype}, on {med}',
);

/**
 * How notes name heart failure by its LVEF category (2022 AHA/ACC/HFSA terms; "systolic" and
 * "diastolic" heart failure are the older names still written), as a mention of heart failure.
 */
const phenotypeTerms: Record<HeartFailurePhenotype, readonly string[]> = {
  HFrEF: [
    'HFrEF',
    'heart failure with reduced ejection fraction',
    'HF with reduced EF',
    'systolic heart failure',
  ],
  HFmrEF: [
    'HFmrEF',
    'heart failure with mildly reduced ejection fraction',
    'HF with mildly reduced EF',
  ],
  HFpEF: [
    'HFpEF',
    'heart failure with preserved ejection fraction',
    'HF with preserved EF',
    'diastolic heart failure',
  ],
};

/**
 * How notes name an HFrEF whose LVEF has risen above 40% by the note date (state/heart-failure.ts
 * `improvedBy`): HF with improved EF, the 2022 AHA/ACC/HFSA term (Table 4), or "recovered", the older
 * one (1.9.0).
 */
const improvedTerms: readonly string[] = [
  'HFimpEF',
  'heart failure with improved ejection fraction',
  'heart failure with recovered ejection fraction',
];

/**
 * Phrasings for a cancer present at the note date: its standing by stage and time since diagnosis
 * (notes/cancer.ts; until 1.5.0 "breast cancer, controlled" and "followed by PCP" for a stage IV one).
 */
const cancerItems = bank(
  '{dx}',
  '{dx} (dx {year})',
  '{dx}, on {med}',
  '{dx}{ -|,} {severity}',
  '{severity} {dx}',
  '{dx}, {standing}',
  '{dx} diagnosed {monthYear}',
);
const cancerStanding: Record<CancerPhase, readonly string[]> = {
  diagnosis: ['new diagnosis', 'staging in progress'],
  active: ['followed by oncology', 'on treatment per oncology'],
  surveillance: ['in remission', 'no evidence of recurrence', 'on surveillance'],
};

function itemSlots(c: Composer, item: ConditionAtDate): Slots {
  const { condition, assertion } = item;
  const medication = c.truth.medications.find((m) => m.indication === condition.key);
  let dx = -1;
  // "Controlled" only where the note's own numbers agree (until 1.5.0 the problem list read "obesity,
  // controlled" above a BMI of 36.4 and "hypertension, well controlled" above 150/95).
  const band = goalBand(c, condition.key);
  const atGoal = band === 'at' || (band === undefined && condition.key !== 'obesity');
  const phenotype = condition.key === 'heart-failure' ? phenotypeOf(condition) : undefined;
  return {
    atGoal: atGoal ? gate : undefined,
    dx: () => (dx = writeCondition(c, condition.key, assertion)),
    year: (b) => writeYear(b, Number(condition.onset.slice(0, 4))),
    monthYear: (b) => writeMonthYear(b, condition.onset, c.rng),
    // Heart failure's severity is its phenotype, named by the phenotype slot ("HFrEF heart failure" is
    // not a phrase).
    severity:
      condition.severity && phenotype === undefined
        ? (b) => b.text(severityText(condition.key, condition.severity!))
        : undefined,
    phenotype:
      phenotype === undefined
        ? undefined
        : (b) =>
            (dx = b.entity(
              c.rng.pick(
                improvedBy(condition, c.truth.date) ? improvedTerms : phenotypeTerms[phenotype],
              ),
              'Disease',
              assertion,
              {
                code: conditionTerms['heart-failure'].code,
                system: systems.snomed,
              },
            )),
    med: medication
      ? () => c.b.relate('treats', writeMedicationName(c, medication), dx)
      : undefined,
    standing: (b) => {
      const phase = cancerPhase(condition, c.truth.encounter.start) ?? 'active';
      b.text(c.rng.pick(cancerStanding[phase]));
    },
  };
}

function severityText(key: string, severity: string): string {
  if (key === 'ckd') return `stage ${severity}`;
  if (/cancer/.test(key) && /^[0IV]+[ABC]?$/.test(severity)) return `stage ${severity}`;
  return severity;
}

/** One past-history item in the phrasing its status allows. */
export function writeConditionItem(c: Composer, item: ConditionAtDate): void {
  say(
    c.b,
    item.assertion === 'historical'
      ? historicalItems
      : cancerKeys.has(item.condition.key)
        ? cancerItems
        : presentItems,
    c.rng,
    itemSlots(c, item),
  );
}

/**
 * Conditions as an inline run ("HTN, HLD, h/o DVT in 2015") or as a block list in the note's style.
 * Inline runs keep present conditions terse; historical ones keep their past-history phrasing.
 */
export function writePastConditions(
  c: Composer,
  items: readonly ConditionAtDate[],
  mode: 'inline' | 'block',
): void {
  const write = (item: ConditionAtDate): void => {
    if (mode === 'inline' && item.assertion === 'present')
      writeCondition(c, item.condition.key, 'present');
    else writeConditionItem(c, item);
  };
  if (mode === 'inline') writeInlineList(c, items, write);
  else writeBlockList(c, items, c.style.lists, write);
}

const noHistory = bank(
  'None.',
  'Noncontributory.',
  'No significant past medical history.',
  'Healthy; no chronic conditions.',
  'Denies.',
);

/** The PMH section: every condition known by the note date. */
export function writePmh(c: Composer): void {
  writeHeader(c, 'pmh');
  // The condition this encounter newly diagnoses is the present illness, not past history (until
  // 1.4.0 an acute stroke's admission H&P listed "stroke (dx 2023)" under PMH).
  const { encounter } = c.truth;
  const items = c.truth.conditions.filter(
    (x) =>
      !(x.condition.key === encounter.reason && x.condition.onset >= encounter.start.slice(0, 10)),
  );
  if (items.length === 0) {
    say(c.b, noHistory, c.rng);
    c.b.verbatim('\n');
    return;
  }
  if (c.style.lists === 'prose') {
    c.b.text(
      c.rng.pick([
        'Significant for ',
        'Notable for ',
        `${cap(c.pronouns.subject)} has a history of `,
      ]),
    );
    writePastConditions(c, items, 'inline');
    c.b.text('.\n');
    return;
  }
  writePastConditions(c, items, 'block');
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

const surgeryItems = bank(
  's/p {proc} ({year})',
  '{proc} {year}',
  '{proc} in {year}',
  '<status post|s/p> {proc}',
  '<history of|h/o> {proc}',
  '{proc} ({year}){, uncomplicated|}',
);

/** The PSH section: operations done by the note's year (by its day where the day is known). */
export function writePsh(c: Composer): void {
  writeHeader(c, 'psh');
  const year = Number(c.truth.date.slice(0, 4));
  const day = c.truth.date.slice(0, 10);
  const done = c.truth.facts.surgeries.filter(
    (s) => s.year <= year && (s.date === undefined || s.date <= day),
  );
  if (done.length === 0) {
    c.b.text(
      c.rng.pick(['None.', 'No prior surgeries.', 'Denies surgical history.', 'None reported.']),
    );
    c.b.verbatim('\n');
    return;
  }
  const style = c.style.lists === 'prose' ? 'comma' : c.style.lists;
  writeBlockList(c, done, style, (s) =>
    say(c.b, surgeryItems, c.rng, {
      proc: () => writeProcedure(c, s.procedure, 'historical'),
      year: (b) => writeYear(b, s.year),
    }),
  );
}
