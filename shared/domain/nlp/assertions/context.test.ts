import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import type { EntityType } from '../model';
import { detectSections } from '../sections/sections';
import { AssertionClassifier, type MentionFacts } from './context';
import { parseNegationFixture, scoreNegation } from './fixture';

/** The assertion of the [[marked]] mention of `marked`. */
function assertionOf(marked: string, facts: MentionFacts = {}): string {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]') - 2;
  const text = marked.replace('[[', '').replace(']]', '');
  return new AssertionClassifier(text, detectSections(text)).classify(start, end, facts);
}

describe('Class: AssertionClassifier', () => {
  it.each([
    ['Patient denies [[chest pain]] or shortness of breath.', 'negated'],
    ['Patient denies chest pain or [[shortness of breath]].', 'negated'],
    ['[[Fever]]: no.', 'negated'],
    ['ROS: -nausea, -[[vomiting]]', 'negated'],
    ['No [[fever]]; however, reports chills.', 'negated'],
    ['No fever; however, reports [[chills]].', 'present'],
    ['No increase in [[edema]].', 'present'],
    ['Cannot rule out [[pneumonia]].', 'possible'],
    ['r/o [[PE]] with CTA.', 'possible'],
    ['[[Pneumonia]]?', 'possible'],
    ['Return to the ED if [[chest pain]] or fever occurs.', 'hypothetical'],
    ['Should [[fever]] recur, call the clinic.', 'hypothetical'],
    ['h/o [[myocardial infarction]] in 2015', 'historical'],
    ['Mother had [[breast cancer]].', 'family'],
    ['FAMILY HISTORY:\nDM2 in father\n[[Hypertension]]', 'family'],
    ['No family history of [[colon cancer]].', 'negated'],
    ['ALLERGIES:\npenicillin ([[hives]])', 'historical'],
    ['Brought in by his mother for [[ear pain]].', 'present'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionOf(marked)).toBe(expected);
  });

  it.each([
    ['Low susoicion for [[emphysema]], will monitor.', 'possible'],
    ['Suspiious for [[heart failure]].', 'possible'],
    ['Chest x-ray withoout evidence of [[pneumonia]].', 'negated'],
    ['Heart racing: deniwd. [[Fever]]: deniwd.', 'negated'],
    ['Return prscautions reviewed, including [[chest pain]].', 'hypothetical'],
    // English words a letter from a cue stay themselves: "formed" is not "former".
    ['Formed stools with [[abdominal pain]] today.', 'present'],
    ['[[Fever]] and chills overnight.', 'present'],
  ])('reads a trigger with a typo: "%s" as %s', (marked, expected) => {
    expect(assertionOf(marked)).toBe(expected);
  });

  it('makes an as-needed symptom hypothetical but not the drug or a body structure', () => {
    expect(assertionOf('Albuterol 2 puffs q4h PRN [[wheezing]]', { type: 'Symptom' })).toBe(
      'hypothetical',
    );
    expect(assertionOf('[[Albuterol]] 2 puffs q4h PRN wheezing', { type: 'Chemical' })).toBe(
      'present',
    );
    expect(assertionOf('No wheezes; [[lungs]] clear', { type: 'Anatomy' })).toBe('present');
  });

  it('keeps a chronic condition present after "history of", but not an acute event', () => {
    expect(assertionOf('history of [[hypertension]]', { type: 'Disease', chronic: true })).toBe(
      'present',
    );
    expect(assertionOf('history of [[stroke]]', { type: 'Disease', chronic: false })).toBe(
      'historical',
    );
  });

  it('runs a list negation across semicolons but stops at a new clause', () => {
    const text = 'Denies fevers; chills. History of MI in 2019; HTN controlled.';
    const mentions = ['fevers', 'chills', 'MI', 'HTN'].map((m) => ({
      start: text.indexOf(m),
      end: text.indexOf(m) + m.length,
    }));
    const c = new AssertionClassifier(text, [], mentions);
    expect(c.classify(mentions[1]!.start, mentions[1]!.end)).toBe('negated');
    expect(
      c.classify(mentions[3]!.start, mentions[3]!.end, { type: 'Disease', chronic: true }),
    ).toBe('present');
  });
});

/**
 * The assertion of the [[marked]] mention in a note written in `noteYear`, the {braced} spans being
 * the text's other mentions.
 */
function assertionIn(noteYear: number, marked: string, facts: MentionFacts = {}): string {
  const spans: { start: number; end: number; target: boolean }[] = [];
  let text = '';
  for (const part of marked.split(/(\[\[[^\]]+\]\]|\{[^}]+\})/)) {
    const target = part.startsWith('[[');
    const name = target ? part.slice(2, -2) : part.startsWith('{') ? part.slice(1, -1) : undefined;
    if (name !== undefined)
      spans.push({ start: text.length, end: text.length + name.length, target });
    text += name ?? part;
  }
  const mention = spans.find((m) => m.target)!;
  return new AssertionClassifier(text, detectSections(text), spans, noteYear).classify(
    mention.start,
    mention.end,
    facts,
  );
}

describe('Class: AssertionClassifier, past-date anchors', () => {
  const acute: MentionFacts = { type: 'Disease', chronic: false };
  const chronic: MentionFacts = { type: 'Disease', chronic: true };

  it.each([
    'He had a [[NSTEMI]] in 2019.',
    '[[NSTEMI]] in 2015',
    '[[DVT]] (2012)',
    '[[Pneumonia]] in March 2018, treated with ceftriaxone.',
    '[[DVT]] 3 years ago',
    '[[Pneumonia]] as a child',
    '[[Appendicitis]] as a teenager',
    'In 2019 he had an [[NSTEMI]].',
    'In 2019, he had a stroke and an [[NSTEMI]].',
    '3 years ago she had a [[DVT]].',
    'In childhood he had [[rheumatic fever]].',
    's/p [[CABG]] in 2017',
    'Diagnosed with [[pneumonia]] in 2015.',
    'Type 2 diabetes, CAD, [[MI]] (2017), resolved, and eczema.',
  ])('reads "%s" as historical', (marked) => {
    expect(assertionIn(2026, marked, acute)).toBe('historical');
  });

  it('keeps a chronic condition present when dated ("diagnosed in 2015", "since 2010")', () => {
    expect(assertionIn(2026, 'Diagnosed with [[hypertension]] in 2015.', chronic)).toBe('present');
    expect(assertionIn(2026, 'Has [[diabetes]] since 2010.', chronic)).toBe('present');
    expect(assertionIn(2026, '[[Hypertension]] (2012)', chronic)).toBe('present');
  });

  it.each([
    ['Has [[cough]] since 2010.', 'present'],
    ['[[Cough]] since March 2019.', 'present'],
    ['[[Cough]] started in 2019.', 'present'],
    ['[[Obesity]] (dx 2019)', 'present'],
    ['[[Metformin]] 500 mg bid (started 11/2019)', 'present'],
    ['Metoprolol 2019 mg daily for [[angina]].', 'present'],
    ['[[Glucose]] 150, creatinine 1.1', 'present'],
    ['Admitted on March 4, 2024 with [[pneumonia]].', 'present'],
    ['Mother had [[breast cancer]] in 2010.', 'family'],
    ['No [[MI]] in 2019.', 'negated'],
    ['Colonoscopy planned in 2030 for [[polyps]].', 'hypothetical'],
    ['Return if [[chest pain]] recurs in 2027.', 'hypothetical'],
    ['[[Chest pain]]; MI in 2019.', 'present'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionIn(2026, marked, acute)).toBe(expected);
  });

  it('keeps a drug dated by its start present, and a drug only dated historical', () => {
    const drug: MentionFacts = { type: 'Chemical' };
    expect(assertionIn(2026, 'Started [[metformin]] in 2015.', drug)).toBe('present');
    expect(assertionIn(2026, 'She was started on [[lisinopril]] in 2019.', drug)).toBe('present');
    expect(assertionIn(2026, 'Switched to [[apixaban]] (2021).', drug)).toBe('present');
    expect(assertionIn(2026, 'He took [[isotretinoin]] in 2015.', drug)).toBe('historical');
  });

  it('counts only a year before the note year', () => {
    expect(assertionIn(2025, 'He had an [[MI]] in 2024.', acute)).toBe('historical');
    expect(assertionIn(2025, 'He had an [[MI]] in 2025.', acute)).toBe('present');
    expect(assertionIn(2025, 'Follow-up [[echocardiogram]] in 2027.', acute)).toBe('present');
  });

  it('dates only the mention next to a date, but the whole sentence a date opens', () => {
    expect(assertionIn(2026, '[[Cough]], {MI} (2017)', acute)).toBe('present');
    expect(assertionIn(2026, 'Obesity/[[asthma]]/{stroke} (2021).', acute)).toBe('present');
    expect(assertionIn(2026, '{Obesity}, [[stroke]] (2021), resolved.', acute)).toBe('historical');
    expect(assertionIn(2026, 'In 2019 he had a {stroke} and an [[MI]].', acute)).toBe('historical');
    expect(assertionIn(2026, 'He had a {stroke} in 2019 and an [[MI]].', acute)).toBe('present');
  });
});

describe('Class: AssertionClassifier, who is speaking and what a list covers', () => {
  it.each([
    // A relative who brings the patient or tells the history is not the experiencer.
    ['Randy is an 8 y.o. boy here with his mother, Octavia Allen, for [[wheezing]].', 'present'],
    ['His father is most concerned about {fever} and [[cough]].', 'present'],
    ['Her mother has noticed [[ear pain]] over the last 3 days.', 'present'],
    [
      '2yo girl with fatigue x 48 hours, per mother. Per her mother, [[tiredness]] x 48 hours.',
      'present',
    ],
    // A relative's own conditions, and a relative's denial, keep their reading.
    ['Her mother has [[breast cancer]].', 'family'],
    ['His father had an [[MI]] at 50.', 'family'],
    ['Mother denies [[fever]].', 'negated'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionIn(2025, marked)).toBe(expected);
  });

  it('negates every mention of a list a sentence-final "denied" closes, however long the list', () => {
    const text =
      'Systems Review: {Coughing}, {wheezing}, {blood in stool}, {leg swelling}, and {rash}: denied.';
    expect(assertionIn(2025, text.replace('{Coughing}', '[[Coughing]]'))).toBe('negated');
    // Not across words that are no mentions: the reach is then the usual 40 characters.
    expect(
      assertionIn(
        2025,
        '[[Coughing]] at night that wakes him and worse on exertion, rash: denied.',
      ),
    ).toBe('present');
  });

  it('dates only the indication of a medicine, not the medicines listed after it', () => {
    const list =
      'aspirin 81 mg daily for h/o {myocardial infarction}, [[metoprolol succinate]] 25 mg daily';
    expect(assertionIn(2025, list, { type: 'Chemical' })).toBe('present');
    expect(
      assertionIn(
        2025,
        'aspirin 81 mg daily for h/o [[myocardial infarction]], {metoprolol} 25 mg',
        {
          type: 'Disease',
          chronic: false,
        },
      ),
    ).toBe('historical');
  });

  it('ends a history at "p/w": the presenting complaint is current', () => {
    expect(assertionIn(2025, '53 yo M w/ history of {stroke} p/w [[cough]] x 7 days.')).toBe(
      'present',
    );
  });
});

describe('Class: AssertionClassifier, triggers read backward from the mention before them', () => {
  it.each([
    // Backward-only forms: the mention before is negated, the words after are not.
    ['{PE} was ruled out by [[CT angiogram]].', 'present'],
    ['[[PE]] was ruled out by {CT angiogram}.', 'negated'],
    ['[[DVT]] was ruled out, {cellulitis} treated with {cephalexin}.', 'negated'],
    ['{DVT} was ruled out, [[cellulitis]] treated with {cephalexin}.', 'present'],
    ['{DVT} was ruled out, {cellulitis} treated with [[cephalexin]].', 'present'],
    ['[[Myocardial infarction]] was ruled out with serial {troponins}.', 'negated'],
    ['{Myocardial infarction} was ruled out with serial [[troponins]].', 'present'],
    ['[[Pneumonia]] has been ruled out.', 'negated'],
    // Not just after a mention: the form alone says which way it reads.
    ['{DVT} of the left leg was ruled out, [[cellulitis]] treated.', 'present'],
    ['[[DVT]] of the left leg was ruled out, {cellulitis} treated.', 'negated'],
    ['The clot was ruled out by [[CT angiogram]].', 'present'],
    // A bidirectional trigger just after a mention (with a colon or a copula) reads backward.
    ['[[Pneumonia]] ruled out on {chest x-ray}.', 'negated'],
    ['{Pneumonia} ruled out on [[chest x-ray]].', 'present'],
    ['[[Chest pain]] denied at this time.', 'negated'],
    ['[[Fever]]: denied today.', 'negated'],
    ['{Fever} and [[chills]] denied today.', 'negated'],
    ['[[Fever]] and {chills} denied today.', 'negated'],
    // ...and forward where no mention sits just before it.
    ['Patient denied [[chest pain]] during the night.', 'negated'],
    ['Ruled out [[pulmonary embolism]] with CTA.', 'negated'],
    ['{Cough}, denied [[fever]].', 'negated'],
    ['She was ruled out for [[myocardial infarction]].', 'negated'],
    ['[[PE]] was not ruled out.', 'possible'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionIn(2025, marked)).toBe(expected);
  });

  it('ends a negation at a positive result ("Negative for influenza, COVID-19 positive")', () => {
    expect(assertionIn(2025, 'Negative for [[influenza]], {COVID-19} positive.')).toBe('negated');
    expect(assertionIn(2025, 'Negative for {influenza}, [[COVID-19]] positive.')).toBe('present');
    expect(assertionIn(2025, 'Negative for {influenza}, positive for [[COVID-19]].')).toBe(
      'present',
    );
    expect(assertionIn(2025, 'No positive cultures for [[MRSA]].')).toBe('negated');
    // Inside the negated phrase, "positive" is part of what is denied (review of the rule above).
    for (const sentence of [
      'Patient is not [[HIV]] positive.',
      'Not [[COVID-19]] positive.',
      'Denies being [[HIV]] positive.',
      'She is not [[hepatitis C]] positive.',
      'Never tested positive for [[COVID-19]].',
      'No sick contacts or positive [[COVID-19]] exposures.',
      'No history of positive [[TB]] test.',
    ])
      expect(assertionIn(2025, sentence), sentence).toBe('negated');
    // A relative's scope runs on over a positive result.
    expect(assertionIn(2025, 'Mother: {BRCA1} positive, [[breast cancer]] at 45.')).toBe('family');
  });
});

describe("Class: AssertionClassifier, a relative's scope ends at the patient", () => {
  it.each([
    ['Mother has diabetes, patient has [[hypertension]].', 'present'],
    ['Mother has diabetes, pt has [[hypertension]].', 'present'],
    ['Father had an MI; the patient reports [[chest pain]].', 'present'],
    ['Mother has diabetes, she has [[hypertension]].', 'present'],
    ['Father has CAD and he has [[hypertension]].', 'present'],
    ['Mother has [[diabetes]], patient has hypertension.', 'family'],
    ["Patient's mother has [[diabetes]].", 'family'],
    ['Mother of the patient has [[diabetes]].', 'family'],
    ['Mother, per patient, had [[breast cancer]].', 'family'],
    // Only the relative's scope: the patient as subject ends no negation.
    ['No evidence that the patient has [[pneumonia]].', 'negated'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionIn(2025, marked)).toBe(expected);
  });
});

describe('Class: AssertionClassifier, sentence ends (the rule text/sentences.ts splits by)', () => {
  it.each([
    ['no-break space', '\u00a0'],
    ['carriage return', '\r'],
    ['CR LF', '\r\n'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['tab', '\t'],
  ])('ends a negation and a relative at a full stop before a %s', (_name, space) => {
    expect(assertionIn(2025, `No fever.${space}[[Cough]] for 3 days.`)).toBe('present');
    expect(assertionIn(2025, `Mother had diabetes.${space}[[Hypertension]].`)).toBe('present');
  });

  it.each([
    ['carriage return', '\r'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
  ])('ends a negation at a %s with no full stop (a list of lines)', (_name, lineBreak) => {
    expect(assertionIn(2025, `Denies fever${lineBreak}[[Cough]] for 3 days`)).toBe('present');
  });
});

describe('Fixture: negation-200 (217 hand-annotated sentences in six note styles)', () => {
  it('agrees with the negation labels on at least 90% of sentences', () => {
    const records = parseNegationFixture(
      readFileSync(new URL('./fixtures/negation-200.jsonl', import.meta.url), 'utf8'),
    );
    expect(records.length).toBeGreaterThanOrEqual(200);
    expect(new Set(records.map((r) => r.style)).size).toBe(6);
    expect(scoreNegation(records).accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

/**
 * The assertion of the `target`-th [[marked]] mention of `marked`, every [[marked]] span a mention
 * of the text (as extraction knows every mention of a note); `types`, when given, the type of each
 * mention in order (as extraction gives them).
 */
function assertionAmong(
  marked: string,
  target = 0,
  facts: MentionFacts = {},
  types: readonly EntityType[] = [],
): string {
  const mentions: { start: number; end: number; type?: EntityType }[] = [];
  let text = '';
  let rest = marked;
  for (let open = rest.indexOf('[['); open >= 0; open = rest.indexOf('[[')) {
    const close = rest.indexOf(']]', open);
    text += rest.slice(0, open);
    const start = text.length;
    text += rest.slice(open + 2, close);
    mentions.push({ start, end: text.length, type: types[mentions.length] });
    rest = rest.slice(close + 2);
  }
  text += rest;
  const m = mentions[target]!;
  return new AssertionClassifier(text, detectSections(text), mentions, 2025).classify(
    m.start,
    m.end,
    facts,
  );
}

describe('Class: AssertionClassifier, what was stopped and what is no longer', () => {
  const drug = { type: 'Chemical' } as const;
  it.each([
    ['No longer taking [[metformin]].', 'historical'],
    ['Patient is no longer on [[warfarin]].', 'historical'],
    ['She no longer has [[chest pain]].', 'historical'],
    ['Stopped [[metformin]].', 'historical'],
    ['Discontinued [[warfarin]] because of bleeding.', 'historical'],
    ['Held [[metformin]] for AKI.', 'historical'],
    ["[[Lisinopril]] d/c'd last week.", 'historical'],
    ['[[Warfarin]] discontinued because of GI bleed.', 'historical'],
    ['[[Metformin]] was held on admission.', 'historical'],
    ['Off [[warfarin]] since March.', 'historical'],
    ['Was taken off [[lisinopril]] due to cough.', 'historical'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionAmong(marked, 0, drug)).toBe(expected);
  });

  it('dates only the medicine, and not past a restart or a continuation', () => {
    expect(assertionAmong('Discontinued [[warfarin]] because of [[bleeding]].', 1)).toBe('present');
    expect(assertionAmong('Held [[metformin]], started [[insulin]].', 1, drug)).toBe('present');
    expect(assertionAmong('[[Metformin]] held, [[lisinopril]] continued.', 1, drug)).toBe(
      'present',
    );
    expect(assertionAmong('Home [[ASA]] was held on admission and resumed.', 0, drug)).toBe(
      'present',
    );
  });

  it.each([
    ['[[Warfarin]] held x2 days for procedure, resumed today.'],
    ['[[Lisinopril]] held on admission, restarted at discharge.'],
    ['[[Lisinopril]] was held; restarted today.'],
    ['[[Metformin]] was held for contrast; resumed 48 hours later.'],
    ['Held [[metformin]] on admission, resumed at discharge.'],
  ])('reads a held medicine restarted later in the sentence as taken: "%s"', (marked) => {
    expect(assertionAmong(marked, 0, drug)).toBe('present');
  });

  it('dates only the nearest medicine of a forward stop, never past a comma or a continuation', () => {
    expect(assertionAmong('[[Heparin]] drip stopped, [[warfarin]] continued.', 0, drug)).toBe(
      'historical',
    );
    expect(assertionAmong('[[Heparin]] drip stopped, [[warfarin]] continued.', 1, drug)).toBe(
      'present',
    );
    expect(assertionAmong('[[Heparin]] infusion was stopped.', 0, drug)).toBe('historical');
    expect(assertionAmong('Discontinued [[heparin]], [[warfarin]] 5 mg daily.', 0, drug)).toBe(
      'historical',
    );
    expect(assertionAmong('Discontinued [[heparin]], [[warfarin]] 5 mg daily.', 1, drug)).toBe(
      'present',
    );
    // Mentions of no known type make no medicine list (with types, see "a closed list" below).
    expect(assertionAmong('Stopped [[heparin]] and [[aspirin]].', 1, drug)).toBe('present');
    expect(assertionAmong('Stopped heparin; [[warfarin]] continued.', 0, drug)).toBe('present');
    expect(assertionAmong('Stopped smoking last year, takes [[lisinopril]].', 0, drug)).toBe(
      'present',
    );
    expect(assertionAmong('Stopped the drip and [[warfarin]] continued.', 0, drug)).toBe('present');
  });

  it('takes "off" only right before the medicine', () => {
    expect(assertionAmong('Off and on [[chest pain]], takes [[lisinopril]].', 1, drug)).toBe(
      'present',
    );
    expect(assertionAmong('Time off work; takes [[lisinopril]].', 0, drug)).toBe('present');
    expect(assertionAmong('Off work, on [[lisinopril]].', 0, drug)).toBe('present');
  });

  it('keeps "no longer" before anything else a pseudo-negation ("no longer enjoying hobbies")', () => {
    expect(assertionAmong('Watch for no longer enjoying hobbies or [[chest pain]].', 0)).toBe(
      'hypothetical',
    );
  });
});

describe('Class: AssertionClassifier, a stop cue before the medicine, after a problem', () => {
  /** Every mention a medicine but the problems and tests named here, as extraction types them. */
  const problems: Record<string, EntityType> = {
    aki: 'Disease',
    hyperkalemia: 'Disease',
    cr: 'LabTest',
    fever: 'Symptom',
    'chest pain': 'Symptom',
    palpitations: 'Symptom',
    hypotension: 'Disease',
    bradycardia: 'Disease',
    cough: 'Symptom',
    wheezing: 'Symptom',
    bleeding: 'Symptom',
    pain: 'Symptom',
    rash: 'Symptom',
  };
  const statusOf = (marked: string, target: number): string => {
    const names = [...marked.matchAll(/\[\[(.*?)\]\]/g)].map((m) => m[1]!.toLowerCase());
    const types = names.map((n) => problems[n] ?? 'Chemical');
    return assertionAmong(marked, target, { type: types[target] }, types);
  };

  // "AKI: held metformin": the cue after a problem and a colon used to read only backward, and the
  // problem was no medicine to date, so the metformin stayed current (cg:takesMedication).
  it.each([
    ['[[AKI]]: held [[metformin]].', 1, 'historical'],
    ['[[AKI]] - held [[metformin]].', 1, 'historical'],
    // No colon: the cue directly followed by the medicine (whitespace and at most a determiner)
    // still reads forward (review of f98c885, which had made these current again).
    ['[[AKI]] held [[metformin]].', 1, 'historical'],
    ['[[Hypotension]] held [[lisinopril]].', 1, 'historical'],
    ['[[Bradycardia]] held [[metoprolol]] this morning.', 1, 'historical'],
    ['# [[AKI]] held [[lisinopril]], will recheck [[Cr]]', 1, 'historical'],
    ['[[Cough]] discontinued [[lisinopril]].', 1, 'historical'],
    ['[[AKI]] stopped the [[metformin]].', 1, 'historical'],
    ['Assessment: [[AKI]] held [[lisinopril]] and [[metformin]].', 1, 'historical'],
    ['[[AKI]]: stopped the [[metformin]].', 1, 'historical'],
    ["[[AKI]]: d/c'd [[metformin]].", 1, 'historical'],
    ['[[Hyperkalemia]]: discontinued [[lisinopril]] 10 mg.', 1, 'historical'],
    ['[[AKI]]: held [[metformin]], continue [[lisinopril]].', 1, 'historical'],
  ])('reads "%s" (mention %i) as %s', (marked, target, expected) => {
    expect(statusOf(marked, target)).toBe(expected);
  });

  // What the fix must not change: the problem, a medicine past a comma or restarted, a hold to come,
  // and a cue that follows a medicine (which it dates, backward, not the medicine after it).
  it.each([
    ['[[AKI]]: held [[metformin]].', 0, 'present'],
    ['[[Hyperkalemia]]: discontinued [[lisinopril]] 10 mg.', 0, 'present'],
    ['[[AKI]]: held [[metformin]], continue [[lisinopril]].', 0, 'present'],
    ['[[AKI]]: held [[metformin]], continue [[lisinopril]].', 2, 'present'],
    ['[[AKI]]: held [[metformin]] yesterday, restarted today.', 1, 'present'],
    ['[[AKI]]: will hold [[metformin]] if [[Cr]] rises.', 1, 'present'],
    ['Held [[metformin]] due to [[AKI]].', 0, 'historical'],
    ['Held [[metformin]] due to [[AKI]].', 1, 'present'],
    ['[[Metformin]]: held.', 0, 'historical'],
    ['[[Metformin]] held for [[AKI]].', 0, 'historical'],
    ['[[Metformin]] held for [[AKI]].', 1, 'present'],
    ['Held [[metformin]], continue [[lisinopril]].', 0, 'historical'],
    ['Held [[metformin]], continue [[lisinopril]].', 1, 'present'],
    ['Discontinued [[lisinopril]] 10 mg.', 0, 'historical'],
    ['Stopped the [[metformin]].', 0, 'historical'],
    ['Will hold [[metformin]] if [[Cr]] rises.', 0, 'present'],
    ['Will hold [[metformin]] if [[Cr]] rises.', 1, 'hypothetical'],
    ['Restarted [[metformin]].', 0, 'present'],
    ['Held [[metformin]] yesterday, restarted today.', 0, 'present'],
    ['[[Metformin]] held and [[insulin]] given.', 0, 'historical'],
    ['[[Metformin]] held and [[insulin]] given.', 1, 'present'],
    ['[[Fever]]: denied [[chest pain]].', 0, 'negated'],
    ['[[Fever]]: denied [[chest pain]].', 1, 'present'],
    // A symptom that stopped, with no colon or dash: the medicine after it is what stopped it, taken
    // now (review of 4aa0ebb: these read historical once any non-medicine mention was skipped).
    ['[[Palpitations]] stopped on [[metoprolol]].', 1, 'present'],
    ['[[Chest pain]] stopped after [[nitroglycerin]].', 1, 'present'],
    ['[[Wheezing]] stopped after [[albuterol]].', 1, 'present'],
    ['[[Bleeding]] stopped after [[vitamin K]].', 1, 'present'],
    ['[[Pain]] is stopped with [[morphine]] PRN.', 1, 'present'],
    ['The [[rash]] stopped after [[diphenhydramine]].', 1, 'present'],
  ])('keeps "%s" (mention %i) %s', (marked, target, expected) => {
    expect(statusOf(marked, target)).toBe(expected);
  });

  it('dates the held medicine of "AKI: held metformin" in extraction, not the AKI', () => {
    const found = extractClinical('AKI: held metformin, continue lisinopril.', { noteYear: 2025 });
    const status = Object.fromEntries(
      found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
    );
    expect(status).toEqual({ aki: 'present', metformin: 'historical', lisinopril: 'present' });
  });

  it.each([
    ['AKI held metformin.', 'metformin'],
    ['Hypotension held lisinopril.', 'lisinopril'],
    ['Bradycardia held metoprolol this morning.', 'metoprolol'],
    ['# AKI held lisinopril, will recheck Cr', 'lisinopril'],
    ['Cough discontinued lisinopril.', 'lisinopril'],
    ['Assessment: AKI held lisinopril and metformin.', 'lisinopril'],
    ['AKI: held home metformin.', 'metformin'],
    ['Hypotension: held her home lisinopril.', 'lisinopril'],
  ])('dates the held medicine of "%s" in extraction (%s), with no colon', (text, drug) => {
    const found = extractClinical(text, { noteYear: 2025 });
    const status = Object.fromEntries(
      found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
    );
    expect(status[drug]).toBe('historical');
  });
});

describe('Class: AssertionClassifier, a stop cue before a closed list of medicines', () => {
  /** Every mention a medicine but the problems named here, as extraction types them. */
  const problems: Record<string, EntityType> = { aki: 'Disease', hypotension: 'Disease' };
  const statusOf = (marked: string, target: number): string => {
    const names = [...marked.matchAll(/\[\[(.*?)\]\]/g)].map((m) => m[1]!.toLowerCase());
    const types = names.map((n) => problems[n] ?? 'Chemical');
    return assertionAmong(marked, target, { type: types[target] }, types);
  };

  // The nearest-medicine rule dated only the first medicine of a list the cue governs, so the
  // others stayed current (cg:takesMedication) after "Held lisinopril and metoprolol".
  it.each([
    ['Held [[lisinopril]] and [[metoprolol]].', 1],
    ['Stopped [[aspirin]], [[clopidogrel]] and [[warfarin]].', 1],
    ['Stopped [[aspirin]], [[clopidogrel]] and [[warfarin]].', 2],
    ['held home [[lisinopril]] and [[metoprolol]] for [[AKI]].', 1],
    ['Stopped [[lisinopril]] 10 mg and [[metoprolol]] 25 mg.', 1],
    ['Discontinued [[aspirin]] 81 mg PO daily & [[clopidogrel]] 75 mg.', 1],
    ['Held [[lisinopril]] or [[losartan]] for [[hypotension]].', 1],
    ['Stopped the [[heparin]] and [[aspirin]].', 1],
    // after a problem, the list directly after the cue reads forward as its first medicine does
    ['[[AKI]] held [[lisinopril]] and [[metformin]].', 2],
    ['[[AKI]]: held [[lisinopril]] and [[metformin]].', 2],
  ])('dates every medicine of "%s" (mention %i)', (marked, target) => {
    expect(statusOf(marked, target)).toBe('historical');
  });

  // Never across a clause boundary, a new verb, or a comma that closes no list.
  it.each([
    ['Held [[lisinopril]] and started [[amlodipine]].', 1],
    ['Held [[lisinopril]], continue [[metoprolol]].', 1],
    ['Held [[lisinopril]] and [[metoprolol]] was continued.', 1],
    ['Held [[lisinopril]] and [[metoprolol]] is continued.', 1],
    ['Discontinued [[heparin]], [[warfarin]] 5 mg daily.', 1],
    ['Stopped [[heparin]]; [[warfarin]] and [[aspirin]] daily.', 1],
    ['Stopped [[heparin]]; [[warfarin]] and [[aspirin]] daily.', 2],
    ['Held [[lisinopril]] for [[hypotension]] and [[metoprolol]] given.', 2],
    ['Held [[lisinopril]] and [[metoprolol]] yesterday, resumed today.', 1],
    ['[[AKI]] held [[lisinopril]] and [[metformin]].', 0],
    // Review of 21035f6: a verb after the last medicine, past its dose, makes it the verb's.
    ['Held [[lisinopril]] and [[metoprolol]] 25 mg daily was started.', 1],
    ['Stopped [[warfarin]] and [[apixaban]] 5 mg BID was started.', 1],
    ['Stopped [[metformin]] and [[insulin glargine]] uptitrated to 20 units.', 1],
    ['Stopped [[aspirin]], [[clopidogrel]] and [[warfarin]] 5 mg daily continued.', 1],
    ['Stopped [[aspirin]], [[clopidogrel]] and [[warfarin]] 5 mg daily continued.', 2],
  ])('keeps "%s" (mention %i) current', (marked, target) => {
    expect(statusOf(marked, target)).toBe('present');
  });

  it.each([
    ['Held lisinopril and metoprolol.', ['lisinopril', 'metoprolol']],
    ['Stopped aspirin, clopidogrel and warfarin.', ['aspirin', 'clopidogrel', 'warfarin']],
    ['held home lisinopril and metoprolol for AKI.', ['lisinopril', 'metoprolol']],
  ])('dates every medicine of "%s" in extraction', (text, drugs) => {
    const found = extractClinical(text, { noteYear: 2025 });
    const status = Object.fromEntries(
      found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
    );
    for (const d of drugs) expect(status[d], d).toBe('historical');
  });

  it.each([
    ['Held lisinopril and started amlodipine.', 'amlodipine'],
    ['Held lisinopril, continue metoprolol.', 'metoprolol'],
    ['Held lisinopril and metoprolol was continued.', 'metoprolol'],
  ])('keeps the continued or started medicine of "%s" current in extraction', (text, drug) => {
    const found = extractClinical(text, { noteYear: 2025 });
    const status = Object.fromEntries(
      found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
    );
    expect(status).toMatchObject({ lisinopril: 'historical', [drug]: 'present' });
  });

  // Review of 21035f6: the closed list ran past a verb after its last medicine's dose, so the
  // medicine started, continued or increased was stored as stopped (cg:hasHistoryOf).
  it.each([
    ['Held lisinopril and metoprolol 25 mg daily was started.', 'lisinopril', 'metoprolol'],
    ['Held lisinopril and metoprolol was started.', 'lisinopril', 'metoprolol'],
    ['Held lisinopril and metoprolol 25 mg daily was continued.', 'lisinopril', 'metoprolol'],
    ['Held lisinopril and metoprolol increased to 50 mg BID.', 'lisinopril', 'metoprolol'],
    ['Stopped warfarin and apixaban 5 mg BID was started.', 'warfarin', 'apixaban'],
    [
      'Stopped metformin and insulin glargine uptitrated to 20 units.',
      'metformin',
      'insulin glargine',
    ],
    ['Stopped aspirin and clopidogrel 75 mg daily will continue.', 'aspirin', 'clopidogrel'],
    ['Nausea stopped ondansetron and metoclopramide given.', 'ondansetron', 'metoclopramide'],
  ])('keeps the medicine a verb follows in "%s" current', (text, stopped, current) => {
    const found = extractClinical(text, { noteYear: 2025 });
    const status = Object.fromEntries(
      found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
    );
    expect(status).toMatchObject({ [stopped]: 'historical', [current]: 'present' });
  });

  it('dates both medicines of a list a reason, not a verb, follows', () => {
    for (const text of [
      'Held lisinopril and metoprolol given hypotension.',
      'Held lisinopril and metoprolol on admission.',
      'Stopped lisinopril 10 mg and metoprolol 25 mg daily due to hypotension.',
    ]) {
      const found = extractClinical(text, { noteYear: 2025 });
      const status = Object.fromEntries(
        found.entities.map((e) => [e.text.toLowerCase(), e.assertion]),
      );
      expect(status, text).toMatchObject({ lisinopril: 'historical', metoprolol: 'historical' });
    }
  });

  it('reads "continued" after a medicine past its dose, unless it is the next medicine\'s verb', () => {
    const statusOf = (text: string) =>
      Object.fromEntries(
        extractClinical(text, { noteYear: 2025 }).entities.map((e) => [
          e.text.toLowerCase(),
          e.assertion,
        ]),
      );
    // As "In 2019 metformin was continued" is: the dose does not hide the continuation.
    expect(statusOf('In 2019 metformin 500 mg BID was continued.')).toEqual({
      metformin: 'present',
    });
    expect(statusOf('Heparin drip stopped, warfarin 5 mg daily continued.')).toMatchObject({
      heparin: 'historical',
      warfarin: 'present',
    });
    // "continued metoprolol" continues the metoprolol, not the lisinopril stopped before it.
    for (const text of [
      'Stopped lisinopril 10 mg daily continued metoprolol.',
      'Stopped lisinopril continued metoprolol.',
    ])
      expect(statusOf(text), text).toEqual({ lisinopril: 'historical', metoprolol: 'present' });
  });
});

describe('Class: AssertionClassifier, a negation ends at a new clause', () => {
  it.each([
    ['No [[fever]] and has [[cough]].', 1, 'present'],
    ['No [[fever]] and has [[cough]].', 0, 'negated'],
    ['Denies [[chest pain]] and has [[dyspnea]].', 1, 'present'],
    ['Patient denies [[chest pain]] and admits to [[dyspnea]].', 1, 'present'],
    ['Denies [[fever]], endorses [[fatigue]].', 1, 'present'],
    ['Denies [[fever]] and has no [[liver disease]].', 1, 'negated'],
    ['No [[nausea]] or [[vomiting]], [[diarrhea]] present.', 2, 'present'],
    ['No [[nausea]] or [[vomiting]], [[diarrhea]] present.', 1, 'negated'],
    // A single denied item before the comma: both items are denied (asserting a denied finding is
    // the worse error).
    ['Lungs: no [[wheezes]], [[rales]] present.', 1, 'negated'],
    ['Lungs: no [[wheezes]], [[rales]] noted.', 1, 'negated'],
    ['Extremities: no [[edema]], [[cyanosis]] noted.', 1, 'negated'],
    ['No [[erythema]], [[swelling]] noted.', 1, 'negated'],
    ['No [[nausea]] and [[vomiting]], [[diarrhea]] noted.', 2, 'present'],
    // An open list stays negated to its end.
    ['No [[murmurs]], [[rubs]], [[gallops]] present.', 2, 'negated'],
    ['No [[rash]], [[lesions]] or [[masses]] noted.', 2, 'negated'],
    ['No [[wheezes]] present.', 0, 'negated'],
  ])('reads "%s" (mention %i) as %s', (marked, target, expected) => {
    expect(assertionAmong(marked, target)).toBe(expected);
  });
});

describe('Class: AssertionClassifier, a plan trigger before a result', () => {
  it.each([
    ['Repeat echo showed [[cardiomyopathy]].', 'present'],
    ['Check of TSH revealed [[hypothyroidism]].', 'present'],
    ['Discussed [[diabetes]] and hypertension management with patient.', 'present'],
    // Still hypothetical without a result
    ['Repeat echo to assess [[cardiomyopathy]].', 'hypothetical'],
    ['Discussed [[colonoscopy]]; she will schedule.', 'hypothetical'],
  ])('reads "%s" as %s', (marked, expected) => {
    const facts = marked.includes('colonoscopy') ? ({ type: 'Procedure' } as const) : {};
    expect(assertionAmong(marked, 0, facts)).toBe(expected);
  });
});

describe('Class: AssertionClassifier, a family-history section and the patient as subject', () => {
  it.each([
    ['Family History: noncontributory.\nThe patient has [[diabetes]].', 'present'],
    [
      'Family History: Mother with breast cancer. Patient has [[asthma]].\nMedications: metformin',
      'present',
    ],
    // The section's default holds elsewhere, and after a relative named since
    ['Family History: noncontributory.\n[[Diabetes]] in father.', 'family'],
    ['Family History: patient has none known. Mother: [[diabetes]].', 'family'],
    ['Family History:\n[[Hypertension]]', 'family'],
  ])('reads %j as %s', (marked, expected) => {
    expect(assertionAmong(marked)).toBe(expected);
  });
});
