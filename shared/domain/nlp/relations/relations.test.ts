import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { drugAttributes } from './attributes';

/** Relations as "type head -> tail" strings. */
function relationsOf(text: string): string[] {
  const { entities, relations } = extractClinical(text);
  return relations.map((r) => `${r.type} ${entities[r.head]!.text} -> ${entities[r.tail]!.text}`);
}

describe('Function: extractRelations', () => {
  it('reads "X for Y" as treats with its sentence as evidence', () => {
    const text = 'Started on metformin 500 mg PO BID for type 2 diabetes.';
    const { relations } = extractClinical(text);
    expect(relationsOf(text)).toContain('treats metformin -> type 2 diabetes');
    expect(relations[0]!.evidence).toEqual({ start: 0, end: text.length });
  });

  it('links a drug to the nearest asserted mention of a disease it is labelled for', () => {
    expect(relationsOf('PMH: atrial fibrillation.\nMeds: apixaban 5 mg BID.')).toContain(
      'treats apixaban -> atrial fibrillation',
    );
    expect(relationsOf('No atrial fibrillation.\nMeds: apixaban 5 mg BID.')).toEqual([]);
  });

  it('reads drug-induced and "secondary to" phrasing as causes', () => {
    expect(relationsOf('Lisinopril-induced cough.')).toContain('causes Lisinopril -> cough');
    expect(relationsOf('Myalgias likely secondary to atorvastatin.')).toContain(
      'causes atorvastatin -> Myalgias',
    );
  });

  it('reads a treatment verb as treats, never a bare "with", "after" or "from" as causes', () => {
    for (const [text, drug, disease] of [
      ['Hypertension controlled with lisinopril.', 'lisinopril', 'Hypertension'],
      ['Pneumonia treated with amoxicillin.', 'amoxicillin', 'Pneumonia'],
      ['Headache improved after ibuprofen.', 'ibuprofen', 'Headache'],
    ] as const) {
      const relations = relationsOf(text);
      expect(relations, text).toContain(`treats ${drug} -> ${disease}`);
      expect(relations, text).not.toContain(`causes ${drug} -> ${disease}`);
    }
    expect(relationsOf('Recovering from pneumonia with amoxicillin.')).not.toContain(
      'causes amoxicillin -> pneumonia',
    );
    // Stopping a drug is no treatment; starting one before a reaction is a cause.
    expect(relationsOf('Cough resolved after stopping lisinopril.')).toEqual([]);
    expect(relationsOf('Rash after starting amoxicillin.')).toContain('causes amoxicillin -> Rash');
  });

  it('reads an allergy line as the substance causing the reaction', () => {
    expect(relationsOf('ALLERGIES:\npenicillin - hives')).toContain('causes penicillin -> hives');
  });

  it('keeps a drug-allergy phrase in an allergies section the allergy concept (review of d415c66)', () => {
    // "allergic to penicillin" is a vocabulary concept (SNOMED CT 91936005, ICD-10-CM Z88.0): the
    // patient's fact is the allergy, never the drug (a denied allergy is no denied penicillin). The
    // drug is no entity of its own, so the reaction's causes has the allergy as its head (it gave
    // none before: the allergy's reaction was lost).
    const entitiesOf = (text: string) =>
      extractClinical(text).entities.map((e) => `${e.text}:${e.type}:${e.assertion}:${e.code}`);
    for (const [text, allergy] of [
      ['Allergies: allergic to penicillin (hives)', 'allergic to penicillin'],
      ['Allergies: penicillin allergy (hives)', 'penicillin allergy'],
      ['Allergies:\n- allergy to penicillin - hives', 'allergy to penicillin'],
    ] as const) {
      expect(entitiesOf(text), text).toEqual([
        `${allergy}:Disease:historical:91936005`,
        'hives:Symptom:historical:126485001',
      ]);
      expect(relationsOf(text), text).toEqual([`causes ${allergy} -> hives`]);
    }
    expect(entitiesOf('Allergies: sulfa allergy: rash')).toEqual([
      'sulfa allergy:Disease:historical:Z88.2',
      'rash:Symptom:historical:271807003',
    ]);
    expect(entitiesOf('Allergies: no known allergy to penicillin')).toEqual([
      'allergy to penicillin:Disease:negated:91936005',
    ]);
    // A denied allergy has no reaction.
    expect(relationsOf('No known allergy to penicillin (rash).')).toEqual([]);
    // A drug with no allergy concept is the drug, and its line relates it to the reaction.
    expect(relationsOf('Allergies: amoxicillin allergy: rash')).toEqual([
      'causes amoxicillin -> rash',
    ]);
    expect(entitiesOf('She is allergic to penicillin.')).toEqual([
      'allergic to penicillin:Disease:present:91936005',
    ]);
  });

  // An allergy's reaction stated right after the allergen gave no causes outside an allergies
  // section, after a drug-allergy concept, or past the first reaction of a list.
  it.each([
    ['allergic to penicillin (hives)', ['causes allergic to penicillin -> hives']],
    ['Penicillin allergy (rash).', ['causes Penicillin allergy -> rash']],
    [
      'Sulfa allergy - rash and itching.',
      ['causes Sulfa allergy -> rash', 'causes Sulfa allergy -> itching'],
    ],
    [
      'Allergies: sulfa (rash), codeine - nausea',
      ['causes sulfa -> rash', 'causes codeine -> nausea'],
    ],
    [
      'Seen for cough. Allergies: sulfa (rash), codeine - nausea.',
      ['causes sulfa -> rash', 'causes codeine -> nausea'],
    ],
    ['She is allergic to amoxicillin (hives).', ['causes amoxicillin -> hives']],
    ['Amoxicillin allergy: rash.', ['causes Amoxicillin -> rash']],
    [
      'Allergies: penicillin (hives, angioedema)',
      ['causes penicillin -> hives', 'causes penicillin -> angioedema'],
    ],
  ])('reads the reaction of "%s" as caused by the allergen', (text, expected) => {
    expect(relationsOf(text).filter((r) => r.startsWith('causes'))).toEqual(expected);
  });

  // Review of 21035f6: "allergies" naming a condition was read as an allergy cue, so the drug
  // that treats it became the cause of its symptoms.
  it.each([
    'Seasonal allergies: cetirizine (sneezing, itchy eyes).',
    'Environmental allergies - fluticasone (nasal congestion).',
    // what the drug treats is no reaction to it, even in an allergies list
    'Allergies: fluticasone (asthma).',
  ])('reads no allergy reaction from the treatment of "%s"', (text) => {
    expect(relationsOf(text).filter((r) => r.startsWith('causes'))).toEqual([]);
  });

  it.each([
    'Allergic rhinitis (sneezing).',
    'Lisinopril (cough).',
    'Penicillin allergy (childhood).',
    'Allergies reviewed. Lisinopril - cough.',
    'Allergic to penicillin, takes lisinopril - cough.',
    'No known allergy to penicillin (rash).',
    'Denies allergy to amoxicillin (rash).',
  ])('reads no allergy reaction from "%s"', (text) => {
    expect(relationsOf(text).filter((r) => r.startsWith('causes'))).toEqual([]);
  });

  it('reads a lower-case allergies heading alone on its line as the allergies section', () => {
    for (const heading of ['allergies', 'ALLERGIES', 'Allergies']) {
      const text = `${heading}\n* sulfonamide: itching`;
      expect(
        extractClinical(text).entities.map((e) => `${e.text}:${e.assertion}`),
        heading,
      ).toEqual(['sulfonamide:historical', 'itching:historical']);
      expect(relationsOf(text), heading).toEqual(['causes sulfonamide -> itching']);
    }
  });

  it('reads a lower-case allergies heading after a blank line in a CRLF or CR note (review of ea2d53c)', () => {
    // With "\r\n\r\n" not read as a blank line, penicillin was a current medicine of the patient.
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `Seen today for follow up.${eol}${eol}allergies${eol}penicillin - rash${eol}`;
      expect(
        extractClinical(text).entities.map((e) => `${e.text}:${e.assertion}`),
        JSON.stringify(eol),
      ).toEqual(['penicillin:historical', 'rash:historical']);
      expect(relationsOf(text), JSON.stringify(eol)).toEqual(['causes penicillin -> rash']);
    }
  });

  it('reads stated adverse effects: "side effect of X", "X-induced Y", a NEW problem on or after X', () => {
    for (const [text, drug, effect] of [
      ['Has developed loose stools on Metformin.', 'Metformin', 'loose stools'],
      [
        'Pedal edema is a known side effect of Amlodipine; discussed with her.',
        'Amlodipine',
        'Pedal edema',
      ],
      ['Developed myalgias after atorvastatin was started.', 'atorvastatin', 'myalgias'],
      ['New rash since amoxicillin was started.', 'amoxicillin', 'rash'],
      ['Metformin-induced diarrhea suspected.', 'Metformin', 'diarrhea'],
    ] as const)
      expect(relationsOf(text), text).toEqual([`causes ${drug} -> ${effect}`]);
    expect(relationsOf('Has developed nausea and diarrhea on metformin.')).toEqual([
      'causes metformin -> nausea',
      'causes metformin -> diarrhea',
    ]);
    expect(relationsOf('Has developed angioedema on lisinopril for hypertension.')).toEqual([
      'causes lisinopril -> angioedema',
      'treats lisinopril -> hypertension',
    ]);
    // Cough is a typical symptom of heart failure, which lisinopril is labelled for, and the
    // ACE-inhibitor cough (lisinopril USPI 6.1): with no heart failure in the note it is the effect;
    // with heart failure in the note the drug may be treating it, and onset phrasing reads no effect
    // ("X-induced" still does).
    expect(relationsOf('Has developed cough on lisinopril for hypertension.')).toEqual([
      'causes lisinopril -> cough',
      'treats lisinopril -> hypertension',
    ]);
    expect(
      relationsOf('Has developed cough on lisinopril for heart failure.').filter((r) =>
        r.startsWith('causes'),
      ),
    ).toEqual([]);
    expect(relationsOf('Lisinopril-induced cough.')).toEqual(['causes Lisinopril -> cough']);
    expect(relationsOf('Reports cough since starting lisinopril.')).toEqual([
      'causes lisinopril -> cough',
    ]);
    expect(relationsOf('Developed rash on amoxicillin for otitis.')).toContain(
      'causes amoxicillin -> rash',
    );
  });

  // Review of ea2d53c: a symptom typical of SOME indication of the drug refused every onset reading,
  // which removed textbook adverse effects (FDA labelling, Adverse Reactions): ACE-inhibitor cough
  // and dizziness (lisinopril USPI 6.1), beta-blocker fatigue (metoprolol, carvedilol USPI 6),
  // amlodipine headache (USPI 6.1), aspirin nausea (USPI Adverse Reactions).
  it.each([
    ['Developed a dry cough on lisinopril.', 'lisinopril', 'dry cough'],
    ['New cough since lisinopril was started.', 'lisinopril', 'cough'],
    ['Developed dizziness on lisinopril.', 'lisinopril', 'dizziness'],
    ['Developed fatigue on metoprolol.', 'metoprolol', 'fatigue'],
    ['Developed fatigue on carvedilol.', 'carvedilol', 'fatigue'],
    ['Developed headache on amlodipine.', 'amlodipine', 'headache'],
    ['Developed nausea on aspirin.', 'aspirin', 'nausea'],
    // the indication the symptom is typical of is in the note, but denied
    ['No heart failure.\nDeveloped cough on lisinopril.', 'lisinopril', 'cough'],
    // ACE-inhibitor cough (lisinopril USPI 5.x, 6.1) with words describing the cough, and with
    // hypertension in the note, which does not present with cough
    ['Has developed cough on lisinopril.', 'lisinopril', 'cough'],
    ['Hypertension. Has developed cough on lisinopril.', 'lisinopril', 'cough'],
    ['Has developed a dry hacking cough on lisinopril.', 'lisinopril', 'cough'],
    ['Developed a dry, nonproductive cough on lisinopril.', 'lisinopril', 'cough'],
    ['Has developed a nagging dry cough on lisinopril.', 'lisinopril', 'dry cough'],
    // Hypertension presents with headache and dizziness only when severe (WHO, NHS), and the
    // amlodipine label lists both (USPI 6.1): named in another sentence it is no reason.
    ['Hypertension. Developed headache on amlodipine.', 'amlodipine', 'headache'],
    ['Hypertension.\nDeveloped headache on amlodipine.', 'amlodipine', 'headache'],
    ['PMH: hypertension.\nDeveloped dizziness on amlodipine.', 'amlodipine', 'dizziness'],
  ])('reads "%s" as an adverse effect', (text, drug, effect) => {
    expect(relationsOf(text)).toContain(`causes ${drug} -> ${effect}`);
  });

  // Review of 21035f6: the severe-only rule read a headache or dizziness the note ties to severe
  // hypertension (BP 180/120 mmHg or more, WHO 2023; "severe headache"; "uncontrolled") as
  // amlodipine's adverse effect.
  it.each([
    ['Hypertension.\nDeveloped severe headache on amlodipine; BP 220/130.', 'headache'],
    ['Hypertension. Developed severe headache on amlodipine with BP 200/120.', 'headache'],
    ['Hypertension.\nDeveloped headache on amlodipine, BP 200/120 today.', 'headache'],
    ['Developed headache on amlodipine. BP 200/120, hypertension uncontrolled.', 'headache'],
    ['Uncontrolled hypertension.\nDeveloped dizziness on amlodipine.', 'dizziness'],
    ['Hypertension.\nDeveloped headache on amlodipine. SBP 186 in clinic.', 'headache'],
    ['Hypertension.\nDeveloped headache on amlodipine. BP 150/124 mmHg.', 'headache'],
    ['Hypertension, poorly controlled.\nDeveloped headache on amlodipine.', 'headache'],
    ['Hypertensive urgency.\nDeveloped dizziness on amlodipine.', 'dizziness'],
  ])('reads no adverse effect from "%s", which shows severe hypertension', (text, effect) => {
    expect(relationsOf(text)).not.toContain(`causes amlodipine -> ${effect}`);
  });

  it('keeps the adverse effect when the note shows no sign of severe hypertension', () => {
    for (const text of [
      'Hypertension.\nDeveloped headache on amlodipine. BP 150/90.',
      'Hypertension.\nDeveloped headache on amlodipine. BP 179/119 mmHg.',
      'Hypertension, well controlled.\nDeveloped headache on amlodipine.',
      'Hypertension. No hypertensive emergency.\nDeveloped headache on amlodipine.',
      'Hypertension.\nDeveloped mild headache on amlodipine. Seen 10/20/2025.',
    ])
      expect(relationsOf(text), text).toContain('causes amlodipine -> headache');
  });

  it('reads no adverse effect from a symptom of an indication the note names', () => {
    // The indication asserted anywhere in the note, or mentioned between the symptom and the drug.
    // A symptom the indication shows only when severe (headache of hypertension) needs it in the
    // symptom's sentence when the drug's label lists the symptom (amlodipine), anywhere otherwise
    // (metoprolol, whose label tables list no headache).
    for (const text of [
      'Heart failure.\nDeveloped cough on lisinopril.',
      'PMH: atrial fibrillation.\nDeveloped fatigue on metoprolol.',
      'Hypertension.\nDeveloped headache on metoprolol.',
      'Developed headache on amlodipine for hypertension.',
      'Developed cough with possible heart failure on lisinopril.',
    ])
      expect(
        relationsOf(text).filter((r) => r.startsWith('causes')),
        text,
      ).toEqual([]);
  });

  it('reads no adverse effect where the phrase names a treatment, a denial or no drug', () => {
    // "on X" without a verb of onset, or for a disease X is labelled for, is the treatment.
    expect(relationsOf('Patient with diabetes on metformin.')).toEqual([]);
    expect(relationsOf('Diabetes, on metformin for diabetes.')).not.toContain(
      'causes metformin -> Diabetes',
    );
    expect(relationsOf('Developed hypertension on lisinopril.')).not.toContain(
      'causes lisinopril -> hypertension',
    );
    // A stop is no start; a treatment verb wins; a denied cause is none.
    expect(relationsOf('Pain after aspirin was stopped.')).toEqual([]);
    expect(relationsOf('Headache improved after ibuprofen was started.')).toEqual([
      'treats ibuprofen -> Headache',
    ]);
    expect(relationsOf('Rash not due to penicillin.')).toEqual([]);
    expect(relationsOf('Pain after surgery.')).toEqual([]);
  });

  // Review of d415c66: treatment read as harm, and cg:causes reached the hospital graph.
  it.each([
    // better, fewer, decreased: the drug treats the problem
    'Pain much better since oxycodone was started.',
    'Seizures since levetiracetam was started have decreased.',
    'Reports fewer headaches since sumatriptan was started.',
    'Pain much better since starting oxycodone.',
    // a verb that reports a problem is no onset; persistent, breakthrough: ongoing
    'Reports persistent wheezing on albuterol.',
    'Reports occasional heartburn on omeprazole.',
    'Reports breakthrough seizures on levetiracetam.',
    'Reports COPD exacerbation on tiotropium.',
    'Notes high blood sugars on metformin.',
    'Notes myalgias after atorvastatin was started.',
    'Mother has noticed rash since amoxicillin was started.',
    'Reports nausea while taking metformin.',
    // a comma before "on"; a denied drug
    'Complains of headache, on acetaminophen.',
    'Developed headache, on acetaminophen.',
    'Reports nausea, not on metformin.',
    'Reports headache when she is not on propranolol.',
    'Developed nausea when she is not on metformin.',
    // onset words, but better or ongoing, or what the drug treats
    'Developed breakthrough seizures on levetiracetam.',
    'Developed wheezing on albuterol.',
    'Developed COPD exacerbation on tiotropium.',
    'Developed rash on amoxicillin, now resolved.',
  ])('reads no causes from "%s"', (text) => {
    expect(relationsOf(text).filter((r) => r.startsWith('causes'))).toEqual([]);
  });

  it('flags a documented interaction between two current drugs', () => {
    expect(relationsOf('Medications: warfarin 5 mg daily, aspirin 81 mg daily.')).toContain(
      'interacts warfarin -> aspirin',
    );
  });

  it('associates a tumour variant with the cancer in its sentence', () => {
    expect(relationsOf('Metastatic melanoma, BRAF V600E positive.')).toContain(
      'associated_with BRAF V600E -> melanoma',
    );
  });
});

describe('Function: extractRelations, what "for" and "due to" do not join', () => {
  it('never reads a drug held, stopped or discontinued "for" a disease as treating it', () => {
    expect(relationsOf('Metformin held for AKI.')).not.toContain('treats Metformin -> AKI');
    expect(relationsOf('Held warfarin for GI bleed.')).not.toContain('treats warfarin -> GI bleed');
    expect(relationsOf('Stopped lisinopril for angioedema.')).not.toContain(
      'treats lisinopril -> angioedema',
    );
    // every drug of a closed list the verb governs (as the stop cue dates them all)
    expect(relationsOf('held home lisinopril and metoprolol for AKI.')).toEqual([]);
    expect(relationsOf('Held warfarin and aspirin for GI bleed.')).toEqual([]);
    // but not a drug a verb after the list starts (review of 21035f6)
    expect(relationsOf('Held metformin and insulin glargine started for diabetes.')).toContain(
      'treats insulin glargine -> diabetes',
    );
    expect(
      relationsOf('Stopped warfarin and apixaban 5 mg BID started for atrial fibrillation.'),
    ).toContain('treats apixaban -> atrial fibrillation');
    // Still a treatment when nothing is held
    expect(relationsOf('Metformin for type 2 diabetes.')).toContain(
      'treats Metformin -> type 2 diabetes',
    );
  });

  it('gives "for Y" after a list to the last drug unless the drugs are only coordinated', () => {
    const listed = relationsOf('Metformin 500 mg, lisinopril 10 mg for hypertension.');
    expect(listed).not.toContain('treats Metformin -> hypertension');
    expect(listed).toContain('treats lisinopril -> hypertension');
    const coordinated = relationsOf('Aspirin and clopidogrel for unstable angina.');
    expect(coordinated).toContain('treats Aspirin -> unstable angina');
    expect(coordinated).toContain('treats clopidogrel -> unstable angina');
  });

  it('reads "due to X" as the cause of the problem nearest before it, not one further back', () => {
    const found = relationsOf(
      'Prednisone for asthma exacerbation, hyperglycemia due to prednisone.',
    );
    expect(found).not.toContain('causes prednisone -> asthma exacerbation');
    expect(found).toContain('causes prednisone -> hyperglycemia');
  });

  it('reads "due to X" as the cause of every problem of a closed list before it', () => {
    const hives = relationsOf('Hives and angioedema due to penicillin.');
    expect(hives).toContain('causes penicillin -> Hives');
    expect(hives).toContain('causes penicillin -> angioedema');
    const nausea = relationsOf('Nausea and vomiting due to metformin.');
    expect(nausea).toContain('causes metformin -> Nausea');
    expect(nausea).toContain('causes metformin -> vomiting');
    expect(relationsOf('Rash, hives or angioedema due to penicillin.')).toContain(
      'causes penicillin -> Rash',
    );
    expect(relationsOf('Nausea/vomiting due to metformin.')).toContain(
      'causes metformin -> Nausea',
    );
    // Not across a clause: the rash is not the penicillin's.
    expect(relationsOf('Rash after surgery and nausea due to morphine.')).not.toContain(
      'causes morphine -> Rash',
    );
  });
});

describe('Function: drugAttributes', () => {
  it('reads no dose past the end of the sentence, nor one "of" the next drug', () => {
    const text = 'Continue aspirin. Transfuse 2 units PRBC.';
    const from = text.indexOf('aspirin') + 'aspirin'.length;
    expect(drugAttributes(text, from, text.length).dose).toBeUndefined();
    const next = 'Aspirin, 2 units of insulin.';
    expect(drugAttributes(next, 'Aspirin'.length, next.indexOf('insulin')).dose).toBeUndefined();
    // A dotted sig abbreviation ends no sentence; a dose before "x" days is the drug's own.
    const sig = 'aspirin 81 mg p.o. Daily';
    expect(drugAttributes(sig, 'aspirin'.length, sig.length)).toEqual({
      dose: '81 mg',
      route: 'p.o.',
      frequency: 'Daily',
    });
    const course = 'amoxicillin 500 mg x 7 days.';
    expect(drugAttributes(course, 'amoxicillin'.length, course.length).dose).toBe('500 mg');
  });

  it('reads on past a period that closes a sig abbreviation or comes before a route or frequency', () => {
    const after = (text: string, drug: string) => drugAttributes(text, drug.length, text.length);
    expect(after('Lisinopril 10 mg tab. PO daily.', 'Lisinopril')).toEqual({
      dose: '10 mg',
      route: 'PO',
      frequency: 'daily',
    });
    expect(after('Amoxicillin 500 mg cap. PO TID.', 'Amoxicillin')).toMatchObject({
      route: 'PO',
      frequency: 'TID',
    });
    expect(after('Insulin glargine 10 units subcut. nightly.', 'Insulin glargine')).toMatchObject({
      route: 'subcut',
      frequency: 'nightly',
    });
    expect(after('ibuprofen 400 mg every 6 hr. as needed', 'ibuprofen').frequency).toBe(
      'as needed',
    );
    expect(after('Metformin 500 mg. PO BID.', 'Metformin')).toMatchObject({ route: 'PO' });
    // Any other period still ends the sentence.
    expect(after('Aspirin 81 mg. Transfuse 2 units. Daily weights.', 'Aspirin')).toEqual({
      dose: '81 mg',
    });
  });

  it('reads dose, route and frequency after a drug name, up to the next drug', () => {
    const text = 'metformin 500 mg PO BID, lisinopril 10 mg daily';
    expect(drugAttributes(text, 9, text.indexOf('lisinopril'))).toEqual({
      dose: '500 mg',
      route: 'PO',
      frequency: 'BID',
    });
    expect(drugAttributes(text, text.length, text.length)).toEqual({});
  });

  it('reads longer intervals and chemotherapy cycles whole (infusions, weekly pens, capecitabine)', () => {
    const frequencyOf = (sig: string) => {
      const text = `trastuzumab 430 mg IV ${sig}, then more`;
      return drugAttributes(text, 'trastuzumab'.length, text.length).frequency;
    };
    for (const sig of [
      'q3w',
      'q3wk',
      'every 3 weeks',
      'q21d',
      'qweek',
      'q week',
      'once a week',
      'every day',
      'every other day',
      'QOD',
      'BID d1-14 q21d',
      'twice daily on days 1-14 of each 21-day cycle',
    ])
      expect(frequencyOf(sig), sig).toBe(sig);
    // Not a frequency: a dose per kilogram, a duration.
    expect(frequencyOf('6 mg/kg for 52 weeks')).toBeUndefined();
  });
});
