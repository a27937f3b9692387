// Domain (nlp/sections): find the sections of a clinical note from their headers, in the styles notes
// use: "PAST MEDICAL HISTORY:", "Past Medical History -", "PMH:", "A/P:", "# Assessment", a header alone on
// its line ("ALLERGIES", "Allergies"; in lower case, "allergies", only as a block of its own: at the
// note's start or after a blank line, not a numbered or "#" item, not under a line ending in ":"),
// and inline headers ("HPI - 64 yo man..."). Header names follow the HL7 C-CDA R2.1 section set (History of Present Illness,
// Past Medical History, Family History, Social History, Medications, Allergies, Review of Systems,
// Physical Exam, Results, Assessment and Plan) and their common shortenings, and the medication headers
// EHR notes print ("Medication:", "Current Outpatient Prescriptions:", "Active Medications:", "Discharge
// Rx:", "Prior to Admission Medications:"; unknown, they let an allergies section above run on over the
// medicine list below, whose drugs were read as allergens: review of e20a3a1).
import type { Section, SectionKind } from '../model';

const names: Readonly<Record<SectionKind, string>> = {
  'chief-complaint': 'chief complaint|cc|presenting complaint|reason for visit|rfv|reason for admission|reason for referral|reason for consultation|complaint',
  hpi: 'history of present illness|hpi|present illness|interval history|history of the present illness|subjective',
  'past-medical-history': 'past medical history|pmh|pmhx|pmhx|medical history|active problems|problem list|past history|active problem list|past medical hx|medical problems|chronic problems',
  'past-surgical-history': 'past surgical history|psh|pshx|surgical history|past surgical hx|procedures',
  'family-history': 'family history|fh|fhx|family medical history|family hx|fam hx|family',
  'social-history': 'social history|sh|shx|social and behavioral history|social hx|social|habits',
  medications: 'medications|meds|home medications|home meds|outpatient medications|current medications|discharge medications|medication list|medications on admission|admission medications|current meds|medications at discharge|medication|current outpatient prescriptions|active medications|discharge rx|prior to admission medications',
  allergies: 'allergies|all|allergies and intolerances|drug allergies|allergy|allergies/intolerances|adverse reactions',
  ros: 'review of systems|ros|systems review|review of symptoms',
  'physical-exam': 'physical exam|physical examination|pe|exam|examination|vital signs|vitals|vs|objective|on exam|discharge vitals|vitals at discharge|vs at discharge|discharge vital signs|vital signs at discharge|discharge exam|exam at discharge',
  results: 'results|labs|pertinent results|laboratory data|lab results|data|imaging|studies|laboratory|diagnostics|pertinent labs|labs and imaging',
  'assessment-plan': 'assessment and plan|a/p|a&p|assessment/plan|impression/plan|impression and plan|assessment|plan|impression|a+p|assessment & plan|discharge diagnosis|discharge diagnoses|diagnoses|diagnosis|hospital course|brief hospital course',
  instructions: 'discharge instructions|instructions|follow-up|follow up|patient instructions|return precautions|disposition|discharge plan',
  history: 'history|hx',
  other: '',
}; // prettier-ignore

const kindByName = new Map<string, SectionKind>();
for (const [kind, list] of Object.entries(names) as [SectionKind, string][])
  for (const name of list.split('|')) if (name) kindByName.set(name, kind);

/** A header at a line start: optional "#"/numbering, a name, then ":" / " -" / end of line. */
const headerLine =
  /^[ \t]*(?:#+\s*|\d+[.)]\s+)?([A-Za-z][A-Za-z /&+'-]{0,48}?)[ \t]*(:|\s[-–]\s|\s[-–]$|$)/gm;

/** A singular category label of an allergies list ("Medication:", "Drug:", "Food:"). */
const allergyCategory = /^(?:medication|drug|food|environmental|latex)$/;

/** The sections of `text`, in order; text before the first header is not a section. */
export function detectSections(text: string): Section[] {
  const sections: Section[] = [];
  headerLine.lastIndex = 0;
  for (let m = headerLine.exec(text); m !== null; m = headerLine.exec(text)) {
    if (m[0].length === 0) {
      headerLine.lastIndex++;
      continue;
    }
    const name = m[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    const kind = kindByName.get(name);
    const alone = m[2] === '';
    // A line holding nothing but a section's name is its header when written as one (capitalised);
    // in lower case only when it stands as a block of its own (lowerCaseHeading).
    if (
      !kind ||
      (alone && !looksLikeHeader(m[1]!.trim()) && !lowerCaseHeading(text, m.index, m[0], m[1]!))
    )
      continue;
    const last = sections[sections.length - 1];
    // "Allergies:\nMedication: penicillin - hives\nFood: shellfish": a singular category label
    // inside an allergies section, with no blank line before it, labels the list's items, no new
    // section (review r7 of b639376): when it opens the section's body, follows other category
    // labels, or carries an item with its reaction on its line. "Allergies: sulfa\nMedication:\n
    // metformin 500 mg BID" still opens a medicine list.
    if (last?.kind === 'allergies' && allergyCategory.test(name)) {
      const before = text.slice(last.bodyStart, m.index).replace(/\r\n?/g, '\n');
      const rest = /^[^\r\n\u2028\u2029]*/.exec(text.slice(m.index + m[0].length))![0];
      if (
        !/\n[ \t]*\n/.test(before) &&
        (before
          .split('\n')
          .every((l) => l.trim() === '' || /^[ \t]*(?:[A-Za-z]+)[ \t]*:/.test(l)) ||
          /\(|[ \t][-–—:][ \t]/.test(rest))
      )
        continue;
    }
    const start = m.index + m[0].indexOf(m[1]!);
    if (sections.length > 0) sections[sections.length - 1]!.end = start;
    let bodyStart = m.index + m[0].length;
    while (text[bodyStart] === ' ' || text[bodyStart] === '\t') bodyStart++;
    sections.push({ kind, start, end: text.length, bodyStart });
  }
  return sections;
}

function looksLikeHeader(line: string): boolean {
  // Short names ("all", "pe", "cc") alone on a line are a header only in capitals: in lower case
  // they are words of the text.
  return line === line.toUpperCase() || (line.length >= 4 && /^[A-Z]/.test(line));
}

/**
 * A lower-case name alone on its line ("allergies\n* sulfonamide: itching") is a heading only as a
 * block of its own: at the note's start or after a blank line, not a numbered or "#" item ("3.
 * allergies" is a problem), and not under a line ending in ":" ("Lives with:\n\nfamily"). Inside a
 * list or wrapped prose it is a word of the text: "Past Medical History:\nasthma\nallergies\nGERD",
 * "Lives with:\nfamily", "strong\nfamily\nhistory of colon cancer". Short names ("all", "pe", "cc")
 * never. Lines may end in "\r\n" or "\r" as well as "\n" (headerLine's ^ and $ take all three).
 */
function lowerCaseHeading(text: string, lineStart: number, line: string, name: string): boolean {
  if (name.trim().length < 4) return false;
  if (!/^[ \t]*[A-Za-z]/.test(line)) return false;
  // Any line ending ("\r\n", "\r", "\n") as "\n": a CRLF note's blank line is "\r\n\r\n".
  const before = text.slice(0, lineStart).replace(/\r\n?/g, '\n');
  if (!/(?:^|\n)[ \t]*\n$/.test(before) && before.trim() !== '') return false;
  return !/:[ \t]*$/.test(before.trimEnd());
}

/** The section containing `offset`, if any (sections sorted by start). */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
