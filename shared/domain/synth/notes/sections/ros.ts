// Domain (synth/notes/sections): the review of systems, in its common layouts: positives then negatives,
// terse "-fever, -chills" runs, by organ system, or "all other systems negative".
import type { Composer } from '../composer';
import type { SymptomKey } from '../lexicon/symptoms';
import { writeInlineList, writeSymptom } from '../render/mentions';
import { writeHeader } from './headers';
import { takeNegatives, writeDenial, writeTerseDenials } from './negation';

const organSystems: readonly (readonly [string, readonly SymptomKey[]])[] = [
  ['Constitutional', ['fever', 'chills', 'weightLoss', 'fatigue']],
  ['HEENT', ['soreThroat', 'congestion', 'earPain']],
  ['CV', ['chestPain', 'palpitations', 'edema', 'syncope']],
  ['Resp', ['dyspnea', 'cough', 'wheezing', 'hemoptysis']],
  ['GI', ['abdominalPain', 'nausea', 'vomiting', 'diarrhea', 'bloodInStool']],
  ['Neuro', ['headache', 'dizziness']],
  ['Skin', ['rash', 'itching']],
  ['MSK', ['jointPain', 'myalgia']],
];

function writeBySystem(c: Composer): void {
  const available = new Set(c.plan.negatives);
  for (const [system, members] of organSystems) {
    const denied = members.filter((s) => available.has(s)).slice(0, 3);
    const present = members.filter((s) => c.plan.present.includes(s));
    if (denied.length === 0 && present.length === 0) continue;
    c.b.text(`${system}: `);
    if (present.length > 0) {
      c.b.text(c.rng.pick(['positive for ', '+ ', 'reports ']));
      writeInlineList(c, present, (s) => void writeSymptom(c, s, 'present'));
      c.b.text(denied.length > 0 ? '; ' : '');
    }
    if (denied.length > 0) {
      c.b.text(c.rng.pick(['negative for ', 'denies ', 'no ', 'neg ']));
      writeInlineList(c, denied, (s) => void writeSymptom(c, s, 'negated'), true);
    }
    for (const s of denied) c.plan.negatives.splice(c.plan.negatives.indexOf(s), 1);
    c.b.verbatim('\n');
  }
}

function writePositivesThenNegatives(c: Composer): void {
  if (c.plan.present.length > 0) {
    c.b.text(c.rng.pick(['Positive for ', 'Pertinent positives: ', '(+) ']));
    writeInlineList(c, c.plan.present, (s) => void writeSymptom(c, s, 'present'));
    c.b.text('. ');
  }
  const negatives = takeNegatives(c, c.rng.int(2, 6));
  if (negatives.length > 0) {
    c.b.text(c.rng.pick(['Negative for ', 'Pertinent negatives: ', 'Denies ', '(-) ']));
    writeInlineList(c, negatives, (s) => void writeSymptom(c, s, 'negated'), true);
    c.b.text('.');
  }
  c.b.verbatim('\n');
}

const allOtherNegative = [
  'All other systems reviewed and negative.',
  'A 10-point review of systems was negative except as noted in the HPI.',
  'ROS otherwise negative.',
  'Remainder of 12-point ROS negative.',
  'Otherwise negative in detail.',
];

export function writeRos(c: Composer): void {
  writeHeader(c, 'ros');
  switch (c.rng.int(0, 4)) {
    case 0:
      writePositivesThenNegatives(c);
      break;
    case 1:
      writeTerseDenials(c, c.rng.int(3, 7));
      break;
    case 2:
      writeBySystem(c);
      break;
    case 3:
      writeDenial(c, 5);
      c.b.verbatim('\n');
      break;
    default:
      c.b.text(c.rng.pick(allOtherNegative)).verbatim('\n');
      return;
  }
  if (c.rng.chance(0.4)) c.b.text(c.rng.pick(allOtherNegative)).verbatim('\n');
}
