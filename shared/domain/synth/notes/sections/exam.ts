// Domain (synth/notes/sections): the physical exam: vital signs of the encounter, then system findings
// with Anatomy mentions, positive signs from the symptom plan and denials ("without edema").
import type { Composer } from '../composer';
import { systems } from '../../catalog';
import { symptoms, type SymptomKey } from '../lexicon/symptoms';
import { shownMeasurements, writeMeasurements } from '../render/measurements';
import { writeAnatomy, writeSymptom } from '../render/mentions';
import { bank, say, type Slots, type Template } from '../template';
import { writeHeader } from './headers';

/** True when the note may deny `key`; the denial is then used up. */
function claimNegative(c: Composer, key: SymptomKey): boolean {
  const i = c.plan.negatives.indexOf(key);
  if (i < 0) return false;
  c.plan.negatives.splice(i, 1);
  return true;
}

// Exam phrasings: each bank combines alternatives inline, so one line has dozens of surface forms.
// prettier-ignore
const general = {
  acute: bank('{General|Gen|GEN|Constitutional}: {uncomfortable-appearing|in mild distress|ill-appearing but nontoxic|tired-appearing}{, alert|}', '{Appears uncomfortable|Alert, in mild distress|Mildly ill-appearing}{ but conversant|, speaking in full sentences|}'),
  well: bank('{General|Gen|GEN|Constitutional}: {NAD|well-appearing, NAD|alert, in no acute distress|pleasant, in no distress|well-nourished, no distress}', 'Well-appearing {person} in no {acute |}distress', '{A&Ox3|AAOx3|Alert and oriented}, {NAD|no acute distress}'),
  // Under 5 no one is "oriented x3" (until 1.4.0 a 1-month-old was "AAOx3").
  wellChild: bank('{General|Gen|GEN}: {NAD|well-appearing, NAD|alert, active|playful, in no distress}', 'Well-appearing {person} in no {acute |}distress', '{Alert and active|Alert, interactive|Alert, consolable}, {NAD|no acute distress}'),
};

// prettier-ignore
const lungs = {
  wheeze: bank('{Lungs|Chest|Resp}: {diffuse|scattered|bilateral} {expiratory {wheezeNoun}|{wheeze}}{ throughout the {lungs}|, prolonged expiratory phase|}', '{wheeze} {heard |}{over both {lungs}|throughout}{, prolonged expiration|, good air movement|}', '{lungs}: {scattered {wheeze}|faint {wheeze}|end-expiratory {wheezeNoun}}{, no crackles|}'),
  clear: bank('{lungs}: clear to auscultation{ bilaterally|}{, no rales or rhonchi|, good air entry|}', '{lungs} {CTAB|CTA b/l|clear b/l}{, no increased work of breathing|, normal effort|}', 'Clear {lungs} {bilaterally|to the bases}{, unlabored|}'),
  deny: bank('{lungs}: {clear|CTA}, no {wheeze}{, rales or rhonchi|}', '{lungs} clear without {wheeze}{ or crackles| or rhonchi|}', 'No {wheeze}{; {lungs} clear| heard; {lungs} clear to the bases|}'),
  crackles: bank('{lungs}: {crackles|rales} at {both bases|the bases bilaterally}', '{Bibasilar|Bilateral} {crackles|rales} in the {lungs}', '{lungs} with {rales|crackles} {to the mid-fields|a third of the way up}'),
};

// prettier-ignore
const heart = {
  irregular: bank('{heart}: irregularly irregular{, no murmur|}', '{CV|Cardiac|Cor}: irregularly irregular rhythm{, no gallop|}', '{heart} irregular{ rhythm, no gallop| rhythm|}'),
  regular: bank('{heart}: {regular rate and rhythm|RRR|regular rhythm}{, no murmurs|, no m/r/g|, normal S1/S2|}', '{CV|Cardiac|Cor}: {RRR|regular rate and rhythm|regular rhythm}{, no m/r/g|, no murmur|, S1 S2 normal|}', '{heart} {RRR|regular}{, normal S1/S2|, no murmurs, rubs or gallops|}'),
};

// prettier-ignore
const abdomen = bank('{abdomen}: soft, {non-tender|nontender|NT}, {non-distended|nondistended|ND}{, normoactive bowel sounds|, +BS|}', '{abdomen} {soft, NT/ND|benign|soft and nontender}{, no organomegaly|, no guarding|}', '{abdomen}: soft, {mild|minimal} tenderness in the {lower quadrants|epigastrium|left lower quadrant}');

// prettier-ignore
const legs = {
  edema: bank('{legs}: {2+|1+|3+|trace} {pitting {edemaNoun}|{edema}}{ to the knees| to the mid-shin| at the ankles|}', '{2+|1+|trace} {edema} {of the|in the|involving the} {legs}', 'Ext: {edema} to the {mid-shin|knees|ankles}{, {legs} warm|}'),
  deny: bank('{legs}: no {edema}{, pulses 2+|, warm|}', '{Ext|Extremities}: {without|no} {edema}{, no calf tenderness|}', '{legs} {warm|warm and dry}, no {edema}', '{legs} without {edema}{ or cyanosis|}'),
  plain: bank('{legs}: {warm and well perfused|full range of motion|no clubbing}', '{Ext|Extremities}: no clubbing or cyanosis{, warm|}', '{legs}: {normal|unremarkable}{ bulk and tone|}'),
};

// prettier-ignore
const skin = {
  rash: bank('{skin}: {erythematous, lichenified|dry, scaly|excoriated eczematous} {rashNoun} {on the flexural surfaces|over the antecubital fossae|on both cheeks}', '{Dry|Scaly|Excoriated} {rash} over the {antecubital|popliteal} fossae; {skin} otherwise intact', '{skin}: {patchy|diffuse} {rash}{ with excoriations|}'),
  deny: bank('{skin}: {warm, dry|warm and dry|intact}, no {rash}', '{skin} intact{ without| with no} {rash}', 'No {rash}{ or lesions| noted|}'),
  plain: bank('{skin}: {warm and dry|no lesions|normal turgor}', '{skin} {intact|unremarkable}{, no jaundice|}'),
};

// prettier-ignore
const ears = {
  infected: bank('{Right|Left|Bilateral} {eardrum} {erythematous and bulging|bulging with purulent effusion|red and dull}', '{eardrum} {red and bulging|opaque and bulging} with {decreased|absent} mobility', 'HEENT: bulging {eardrum}{, purulent effusion|, loss of landmarks|}'),
  normal: bank('{eardrum} {clear|pearly gray|normal} bilaterally', 'HEENT: {eardrum} {pearly gray|clear}{, oropharynx clear|, nares patent|}', 'HEENT: normocephalic, {eardrum} {normal|clear}'),
};

// prettier-ignore
const neuro = {
  deficit: bank('Neuro: {sx}{, otherwise nonfocal|; strength otherwise 5/5|}', '{Neuro|Neurologic}: {sx} noted', 'Neurologic exam notable for {sx}{, NIHSS {3|4|6}|}'),
  normal: bank('Neuro: {alert, oriented x3|A&Ox3|grossly intact}{, nonfocal|, CN II-XII intact|}', '{Neuro|Neurologic}: {grossly intact|no focal deficits}', '{A&O x3|Alert and oriented}, moves all extremities'),
  child: bank('Neuro: {grossly intact|normal tone}{, moves all extremities|}', '{Neuro|Neurologic}: {no focal deficits|age-appropriate}'),
};

// prettier-ignore
const breast = bank('{breast}: palpable {mass} in the {left|right} {breast}{, upper outer quadrant|, 2 cm|}', '{Left|Right} {breast} with a {firm, mobile|hard, fixed|firm} {mass}');

/**
 * How an examiner writes the signs (same concepts and codes as the symptoms); the first is the noun
 * alone, for templates that qualify it themselves ("end-expiratory {wheezeNoun}": until 1.4.0 such
 * lines could read "end-expiratory expiratory wheezes" and "1+ pitting pitting edema").
 */
const signTerms: Partial<Record<SymptomKey, readonly string[]>> = {
  edema: ['edema', 'pitting edema', 'peripheral edema'],
  wheezing: ['wheezes', 'wheezing', 'expiratory wheezes'],
  rash: ['rash', 'eczematous rash', 'erythematous rash'],
  breastLump: ['mass', 'breast mass'],
};

function writeSign(
  c: Composer,
  key: SymptomKey,
  assertion: 'present' | 'negated',
  noun = false,
): void {
  const terms = signTerms[key];
  if (!terms) return void writeSymptom(c, key, assertion);
  c.b.entity(noun ? terms[0]! : c.rng.pick(terms), 'Symptom', assertion, {
    code: symptoms[key].code,
    system: systems.snomed,
  });
}

function examSlots(c: Composer): Slots {
  const sign =
    (key: SymptomKey, assertion: 'present' | 'negated', noun = false): (() => void) =>
    () =>
      writeSign(c, key, assertion, noun);
  const female = c.truth.patient.demographics.sex === 'female';
  const asserted = (key: SymptomKey): 'present' | 'negated' =>
    c.plan.present.includes(key) ? 'present' : 'negated';
  const [wheeze, edema, rash] = [asserted('wheezing'), asserted('edema'), asserted('rash')];
  return {
    person: (b) =>
      b.text(
        c.truth.ageYears < 18
          ? female
            ? 'girl'
            : 'boy'
          : c.rng.pick(female ? ['woman', 'female', 'patient'] : ['man', 'male', 'patient']),
      ),
    lungs: () => writeAnatomy(c, 'lungs'),
    heart: () => writeAnatomy(c, 'heart'),
    abdomen: () => writeAnatomy(c, 'abdomen'),
    legs: () => writeAnatomy(c, 'legs'),
    skin: () => writeAnatomy(c, 'skin'),
    eardrum: () => writeAnatomy(c, 'eardrum'),
    breast: () => writeAnatomy(c, 'breast'),
    wheeze: sign('wheezing', wheeze),
    wheezeNoun: sign('wheezing', wheeze, true),
    edema: sign('edema', edema),
    edemaNoun: sign('edema', edema, true),
    rash: sign('rash', rash),
    rashNoun: sign('rash', rash, true),
    mass: sign('breastLump', 'present'),
    sx: () => {
      const deficits = c.plan.present.filter(
        (s) => s === 'dysarthria' || s === 'aphasia' || s === 'weakness',
      );
      deficits.forEach((s, i) => {
        if (i > 0) c.b.text(', ');
        writeSymptom(c, s, 'present');
      });
    },
  };
}

/** Each exam line: which bank to use, decided from the plan (present signs, allowed denials). */
function examLines(c: Composer): (readonly Template[])[] {
  const has = (s: SymptomKey): boolean => c.plan.present.includes(s);
  const reason = c.truth.reason;
  const lines = [
    c.truth.acute ? general.acute : c.truth.ageYears < 5 ? general.wellChild : general.well,
    has('wheezing')
      ? lungs.wheeze
      : reason === 'heart-failure' && c.truth.acute
        ? lungs.crackles
        : claimNegative(c, 'wheezing')
          ? lungs.deny
          : lungs.clear,
    reason === 'atrial-fibrillation' ? heart.irregular : heart.regular,
    abdomen,
    has('edema') ? legs.edema : claimNegative(c, 'edema') ? legs.deny : legs.plain,
  ];
  if (has('rash')) lines.push(skin.rash);
  else if (c.style.verbosity > 0) lines.push(claimNegative(c, 'rash') ? skin.deny : skin.plain);
  if (reason === 'otitis-media') lines.splice(1, 0, ears.infected);
  else if (c.truth.ageYears < 12) lines.splice(1, 0, ears.normal);
  if (has('breastLump')) lines.push(breast);
  if (has('dysarthria') || has('aphasia') || has('weakness')) lines.push(neuro.deficit);
  else if (c.style.verbosity > 1) lines.push(c.truth.ageYears < 5 ? neuro.child : neuro.normal);
  return lines;
}

export function writeExam(c: Composer): void {
  writeHeader(c, 'exam');
  const vitals = shownMeasurements(c, true);
  if (vitals.length > 0) {
    c.b.text(c.rng.pick(['Vitals: ', 'VS: ', 'Vital signs: ', '', 'VS ']));
    writeMeasurements(c, vitals, c.rng.chance(0.75));
  }
  const slots = examSlots(c);
  const separator = c.style.lists === 'comma' || c.style.lists === 'prose' ? '. ' : '\n';
  for (const line of examLines(c)) {
    c.b.capitalise();
    say(c.b, line, c.rng, slots);
    c.b.verbatim(separator);
  }
  if (separator !== '\n') c.b.verbatim('\n');
}
