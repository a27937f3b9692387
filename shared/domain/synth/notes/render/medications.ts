// Domain (synth/notes/render): medication mentions (Chemical entities carrying the patient's RxNorm
// code) and medication lines with dose, route and frequency in sig or prose style.
import { systems } from '../../catalog';
import type { Assertion, TrueMedication } from '../../model';
import type { Composer } from '../composer';
import {
  brandNames,
  drugAbbreviations,
  frequencyWords,
  genericName,
  routeWords,
  whenWords,
} from '../lexicon/drugs';
import type { SymptomKey } from '../lexicon/symptoms';
import { bank, say } from '../template';
import { writeMonthYear } from './phi';
import { writeCondition, writeSymptom } from './mentions';

/** Writes the drug name (generic, sometimes brand, capitalised or abbreviated) as a Chemical entity. */
export function writeMedicationName(
  c: Composer,
  medication: TrueMedication,
  assertion: Assertion = 'present',
): number {
  const generic = genericName(medication);
  const brands = brandNames(medication);
  let name = brands.length > 0 && c.rng.chance(0.1) ? c.rng.pick(brands) : generic;
  const casing = c.rng.next();
  if (name === generic && casing < 0.2) name = name[0]!.toUpperCase() + name.slice(1);
  else if (name === generic && casing < 0.25) name = name.toUpperCase();
  const surface = c.b.abbreviate(name, name === generic ? drugAbbreviations(generic) : []);
  const index = c.b.entity(surface, 'Chemical', assertion, {
    code: medication.rxnorm.code,
    system: systems.rxnorm,
  });
  c.medicationMentions.push({ index, medication });
  return index;
}

function doseText(c: Composer, medication: TrueMedication): string {
  const { value, unit } = medication.doseQuantity;
  if (/puff|actuat/i.test(unit)) return `${value} ${value === 1 ? 'puff' : 'puffs'}`;
  if (/^\[?iu\]?$|^u$|unit/i.test(unit)) return `${value} units`;
  const text = medication.doseText;
  const variant = c.rng.int(0, 5);
  if (variant === 0) return text.replace(' ', '');
  if (variant === 1) return text.toUpperCase();
  return text;
}

/** The symptom an as-needed medication is taken for, when notes usually say it. */
function prnReason(generic: string): SymptomKey | undefined {
  if (/albuterol|levalbuterol/.test(generic)) return 'wheezing';
  if (/nitroglycerin/.test(generic)) return 'chestPain';
  if (/ondansetron|promethazine/.test(generic)) return 'nausea';
  if (/acetaminophen|ibuprofen/.test(generic)) return 'headache';
  if (/hydroxyzine|diphenhydramine/.test(generic)) return 'itching';
  return undefined;
}

const sigLines = bank(
  '{name} {dose} {rs} {fs}{prn}',
  '{name} {dose} {fs}{prn}',
  '{name} ({dose}) {fs}{prn}',
  '{name} {dose} {rs} {fs}{prn} for {ind}',
  '{name} - {dose} - {rs} - {fs}{prn}',
  '{name} {dose} {rs} {fs}{prn} (started {since})',
);
const proseLines = bank(
  '{name} {dose} {rp} {fp}{when}{prn}',
  '{name} {dose}, {fp}{when}{prn}',
  '{name} {dose} {fp}{prn} for {ind}',
  '{name} {dose}: take {rp} {fp}{when}{prn}',
  'takes {name} {dose} {fp}{when}{prn}',
  '{name} {dose} {fp}{when}{prn} (since {since})',
);

/** One medication line, e.g. "lisinopril 10 mg PO daily", "metformin 500mg twice daily with meals". */
export function writeMedicationLine(c: Composer, medication: TrueMedication, sig: boolean): void {
  const generic = genericName(medication);
  const [routeProse, routeSig] = routeWords[medication.route];
  const [freqProse, freqSig] = frequencyWords(medication.timing);
  const when = whenWords(medication.timing);
  const indication = c.truth.conditions.find((x) => x.condition.key === medication.indication);
  let nameIndex = -1;
  say(c.b, sig ? sigLines : proseLines, c.rng, {
    name: () => (nameIndex = writeMedicationName(c, medication)),
    dose: (b) => b.verbatim(doseText(c, medication)),
    rs: (b) => b.text(c.rng.pick(routeSig)),
    rp: (b) => b.text(c.rng.pick(routeProse)),
    fs: (b) => b.text(c.rng.pick(freqSig)),
    fp: (b) => b.text(c.rng.pick(freqProse)),
    when: (b) => void (when && c.rng.chance(0.7) && b.text(` ${when}`)),
    prn: () => medication.asNeeded && writePrn(c, generic, sig),
    ind: indication
      ? () => {
          // A drug kept for a past event says so: "aspirin 81 mg daily for h/o MI" (until 1.6.0 "for
          // myocardial infarction" of an MI years before, which read as a current one).
          if (indication.assertion === 'historical')
            c.b.text(c.rng.pick(['h/o ', 'history of ', 'prior ']));
          const disease = writeCondition(c, medication.indication, indication.assertion);
          c.b.relate('treats', nameIndex, disease);
        }
      : undefined,
    since: (b) => writeMonthYear(b, medication.start, c.rng),
  });
}

function writePrn(c: Composer, generic: string, sig: boolean): void {
  const reason = prnReason(generic);
  c.b.text(sig ? c.rng.pick([' PRN', ' prn', ' PRN']) : c.rng.pick([' as needed', ' if needed']));
  if (!reason || c.rng.chance(0.3)) return;
  c.b.text(sig ? ' ' : ' for ');
  writeSymptom(c, reason, 'hypothetical');
}
