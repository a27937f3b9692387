// Domain (nlp/relations): whether a note shows a disease in its severe form, for the symptoms the
// disease shows only when severe (knowledge.ts severeOnlySymptoms). Hypertension is usually without
// symptoms; headache and dizziness come with very high blood pressure, "usually 180/120 mmHg or
// more" (WHO fact sheet "Hypertension", 16 March 2023), the threshold of a hypertensive crisis
// (2017 ACC/AHA guideline, Whelton et al., Hypertension 2018;71:e13-e115, hypertensive crises: BP
// > 180/120 mm Hg; the WHO's "or more" is read, so 180/x and x/120 count). The adverse-effect
// guard (relations.ts indicationRelated) relaxes only when the note shows no such sign.
import type { ClinicalEntity } from '../model';
import { conceptId } from '../vocabulary/define';

const d = (term: string) => conceptId('Disease', term);

/** A blood pressure of the severe form: systolic 180 mmHg or more, or diastolic 120 or more. */
const severeSystolic = 180;
const severeDiastolic = 120;

/**
 * A blood-pressure reading "a/b": after "BP", "blood pressure", "B/P" or "NIBP" (a few words
 * between: "BP was 200/120", "BP today: 185/95"), or followed by "mmHg". Not a date ("10/20/2025").
 */
const bpAfterName =
  /\b(?:bps?|b\/p|nibp|blood pressures?)\b[^0-9\n.;]{0,20}?(\d{2,3})\s*\/\s*(\d{2,3})(?![\d/])/gi;
const bpWithUnit = /(?<![\d/])(\d{2,3})\s*\/\s*(\d{2,3})\s*mm\s*hg\b/gi;
/** A systolic or diastolic value named alone: "SBP 190", "systolic 185", "DBP of 125". */
const sbpAlone = /\b(?:sbp|systolic(?:\s+(?:bp|blood pressure))?)\b[^0-9\n.;]{0,12}?(\d{2,3})\b/gi;
const dbpAlone = /\b(?:dbp|diastolic(?:\s+(?:bp|blood pressure))?)\b[^0-9\n.;]{0,12}?(\d{2,3})\b/gi;

/** Blood pressure said to be uncontrolled, in words: "BP uncontrolled", "blood pressure poorly controlled". */
const controlWords = String.raw`(?:uncontrolled|poorly[\s-]controlled|not\s+(?:well[\s-])?controlled|inadequately\s+controlled|badly\s+controlled)`;
const bpUncontrolled = new RegExp(
  String.raw`\b(?:bp|blood pressure)\s+(?:(?:is|was|remains|remained|has been|still)\s+)*${controlWords}`,
  'i',
);
/** Before a mention of the disease: "uncontrolled hypertension", "severe HTN", "poorly controlled". */
const severeBefore = new RegExp(
  String.raw`\b(?:${controlWords}|severe|malignant|accelerated)\s*,?\s*$`,
  'i',
);
/** After a mention of the disease: "hypertension uncontrolled", "HTN, poorly controlled". */
const severeAfter = new RegExp(
  String.raw`^\s*(?:[,:(-]\s*)?(?:(?:is|was|remains|remained|has been|still|now)\s+)*(?:${controlWords}|severe)\b`,
  'i',
);
/** "severe" on the symptom: "severe headache", "severe, throbbing headache", "headache (severe)". */
const severeSymptomBefore =
  /\b(?:severe|worst|excruciating|thunderclap)\b(?:[\s,-]+[a-z-]+){0,2}[\s,-]*$/i;
const severeSymptomAfter = /^\s*(?:[,(-]\s*)?(?:severe|worst)\b/i;

/** Disease -> the concepts that name its severe form. */
const severeForms: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    d('hypertension'),
    new Set(
      [
        'hypertensive crisis',
        'hypertensive urgency',
        'hypertensive emergency',
        'malignant hypertension',
        'hypertensive encephalopathy',
      ].map(d),
    ),
  ],
]);

/** Whether concept `id` names the severe form of `disease` ("hypertensive urgency" of hypertension). */
export function isSevereFormOf(disease: string, id: string | undefined): boolean {
  return severeForms.get(disease)?.has(id ?? '') ?? false;
}

const stated = (e: ClinicalEntity) => e.assertion !== 'negated' && e.assertion !== 'family';

/** Whether any blood-pressure reading in `text` is in the severe range. */
export function severeBloodPressure(text: string): boolean {
  for (const re of [bpAfterName, bpWithUnit])
    for (const m of text.matchAll(re))
      if (Number(m[1]) >= severeSystolic || Number(m[2]) >= severeDiastolic) return true;
  for (const m of text.matchAll(sbpAlone)) if (Number(m[1]) >= severeSystolic) return true;
  for (const m of text.matchAll(dbpAlone)) if (Number(m[1]) >= severeDiastolic) return true;
  return false;
}

/**
 * Whether the note (`text`, its `entities`) shows `disease` (a concept id) in its severe form, for
 * `symptom` (one of its severe-only symptoms): for hypertension, a blood-pressure reading of 180/120
 * mmHg or more anywhere in the note, "severe" on the symptom ("severe headache"), the disease said
 * to be uncontrolled or severe ("Uncontrolled hypertension", "hypertension poorly controlled", "BP
 * uncontrolled"), or a named severe form (hypertensive urgency, emergency or crisis, malignant
 * hypertension), none of them denied. A disease with no signs listed here never shows one.
 */
export function showsSevereForm(
  disease: string,
  text: string,
  entities: readonly ClinicalEntity[],
  symptom: ClinicalEntity,
): boolean {
  const forms = severeForms.get(disease);
  if (!forms) return false;
  if (severeBloodPressure(text) || bpUncontrolled.test(text)) return true;
  if (
    severeSymptomBefore.test(text.slice(Math.max(0, symptom.start - 40), symptom.start)) ||
    severeSymptomAfter.test(text.slice(symptom.end, symptom.end + 20))
  )
    return true;
  return entities.some(
    (e) =>
      stated(e) &&
      (forms.has(e.conceptId ?? '') ||
        (e.conceptId === disease &&
          (severeBefore.test(text.slice(Math.max(0, e.start - 30), e.start)) ||
            severeAfter.test(text.slice(e.end, e.end + 40))))),
  );
}
