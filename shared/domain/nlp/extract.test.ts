// extractClinical against the synthetic note generator's gold annotations (entity spans, types and
// assertions), on the fixture cohort of the note generator's own tests.
import { describe, expect, it } from 'vitest';
import { fixtureCohort } from '../synth/notes/fixtures.test-helper';
import { generateNotes } from '../synth/notes/generate';
import { measurementTerms } from '../synth/notes/lexicon/measurements';
import { Rng } from '../synth/rng';
import { patientPredicate } from '../kg/extraction';
import { noteFactQuads } from '../kg/update';
import { createNlpEngine, extractClinical } from './extract';

const notes = fixtureCohort(40, 77).flatMap((p) => generateNotes(p, new Rng(5, p.index)));
const engine = createNlpEngine();

describe('Function: extractClinical', () => {
  it('finds the gold entities of synthetic notes (exact span and type) with F1 >= 0.9', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const note of notes) {
      const gold = new Set(note.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
      const found = new Set(
        extractClinical(note.text, { engine, relations: false }).entities.map(
          (e) => `${e.start}:${e.end}:${e.type}`,
        ),
      );
      for (const k of found)
        if (gold.has(k)) tp++;
        else fp++;
      for (const k of gold) if (!found.has(k)) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees with the gold assertion of matched entities in >= 95% of cases for each class', () => {
    const counts: Record<string, [number, number]> = {};
    for (const note of notes) {
      const found = new Map(
        extractClinical(note.text, { engine, relations: false }).entities.map((e) => [
          `${e.start}:${e.end}`,
          e.assertion,
        ]),
      );
      for (const e of note.entities) {
        const got = found.get(`${e.start}:${e.end}`);
        if (got === undefined) continue;
        const c = (counts[e.assertion] ??= [0, 0]);
        c[0]++;
        if (got === e.assertion) c[1]++;
      }
    }
    for (const [assertion, [total, correct]] of Object.entries(counts)) {
      if (total < 20) continue;
      expect(correct / total, assertion).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('returns offsets that slice the input to the entity text, and relation indices into the entities', () => {
    const text = 'Pt with HTN 🙂 on lisinopril 10 mg daily for hypertension; denies chest pain.';
    const { entities, relations } = extractClinical(text);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (const r of relations) expect(entities[r.head] && entities[r.tail]).toBeTruthy();
    expect(entities.find((e) => e.text === 'chest pain')!.assertion).toBe('negated');
    expect(entities.find((e) => e.text === 'lisinopril')!.attributes).toEqual({
      dose: '10 mg',
      frequency: 'daily',
    });
  });

  it('reads "<site> tumours" as the MeSH site neoplasm heading (Tumors is an entry term of Neoplasms)', () => {
    const text = 'Two liver tumours and a heart tumor were found.';
    const { entities } = extractClinical(text, { preferSystem: 'mesh', relations: false });
    const codes = new Map(entities.map((e) => [e.text, e.codes?.mesh]));
    expect(codes.get('liver tumours')).toBe('D008113');
    expect(codes.get('heart tumor')).toBe('D006338');
  });

  it('recognises variants by pattern and links rs ids to dbSNP', () => {
    const { entities } = extractClinical(
      'CYP2C19*2 carrier (rs4244285); KRAS p.G12C; MET amplification.',
    );
    const byText = new Map(entities.map((e) => [e.text, e]));
    expect(byText.get('rs4244285')).toMatchObject({ type: 'Variant', code: 'rs4244285' });
    expect(byText.get('CYP2C19*2')).toMatchObject({ type: 'Variant', code: 'rs4244285' });
    expect(byText.get('MET')).toMatchObject({ type: 'Gene', code: 'MET' });
  });

  it('tags a short form wherever it recurs once the text defines it', () => {
    const { entities } = extractClinical(
      'Patients with atrial fibrillation (AF) were studied. AF recurred in 3.',
    );
    expect(entities.filter((e) => e.text === 'AF')).toHaveLength(2);
  });
});

describe("Function: extractClinical (the synthetic notes' hs troponin I and D-dimer)", () => {
  const codeOf = (text: string, surface: string) =>
    extractClinical(text, { engine, relations: false }).entities.find((e) => e.text === surface)
      ?.code;

  it('codes "hs-TnI 12 ng/L" and every other hs name the notes write to LOINC 89579-7', () => {
    // Prepare: the notes' names (synth/notes/lexicon/measurements.ts) but the bare "troponin" and
    // "Trop", which the vocabulary keeps as conventional troponin I (10839-9).
    const names = [...measurementTerms.troponin!.terms, ...measurementTerms.troponin!.short].filter(
      (n) => n !== 'troponin' && n !== 'Trop',
    );

    // Act
    const codes = names.map((n) => [n, codeOf(`Labs: ${n} 12 ng/L, K 4.1`, n)]);

    // Assess
    expect(codeOf('Labs: hs-TnI 12 ng/L, K 4.1', 'hs-TnI')).toBe('89579-7');
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(codes).toEqual(names.map((n) => [n, '89579-7']));
  });

  it('codes every D-dimer name the notes write to LOINC 48065-7, with its exact span', () => {
    // Prepare
    const names = [...measurementTerms.ddimer!.terms, ...measurementTerms.ddimer!.short];

    // Act
    const codes = names.map((n) => [n, codeOf(`Labs: ${n} 420 ng/mL FEU`, n)]);

    // Assess
    expect(codes).toEqual(names.map((n) => [n, '48065-7']));
  });
});

describe('Function: extractClinical, Unicode normal forms', () => {
  it('reads decomposed (NFD) text, with offsets and surface text in the text as given', () => {
    const text =
      'Assessment: Sjo\u0308gren syndrome and cafe\u0301 fever. Denies Sjo\u0308gren syndrome.';
    const { entities, relations, sections } = extractClinical(text, { engine });
    const sjogren = entities.filter((e) => e.code === '83901003');
    expect(sjogren.map((e) => [e.start, e.end, e.assertion])).toEqual([
      [12, 29, 'present'],
      [text.lastIndexOf('Sjo'), text.lastIndexOf('Sjo') + 17, 'negated'],
    ]);
    for (const e of entities) expect(e.text).toBe(text.slice(e.start, e.end));
    expect(entities.find((e) => e.text === 'fever')?.start).toBe(text.indexOf('fever'));
    expect(sections.at(-1)?.end).toBe(text.length);
    for (const r of relations)
      if (r.evidence) expect(r.evidence.end).toBeLessThanOrEqual(text.length);
  });
});

describe('Function: extractClinical, what reaches the graph as a current fact', () => {
  const facts = (text: string) =>
    extractClinical(text, { noteYear: 2026 }).entities.map(
      (e) => `${e.text} ${patientPredicate(e.type, e.assertion, e.allergen)?.value.split('#')[1]}`,
    );

  it('reads no everyday word as a diagnosis ("now" is no neonatal abstinence syndrome)', () => {
    expect(facts('Hx of DVT, now on warfarin. Patient is now stable.')).toEqual([
      'DVT hasHistoryOf',
      'warfarin takesMedication',
    ]);
  });

  it('records a stopped medicine as history, never as taken', () => {
    expect(facts('Warfarin discontinued because of GI bleed. No longer taking aspirin.')).toEqual([
      'Warfarin hasHistoryOf',
      'GI bleed hasCondition',
      'aspirin hasHistoryOf',
    ]);
  });
});

describe('Function: extractClinical, the facts and relations a note gives the hospital graph (review of d415c66, f98c885)', () => {
  /** The patient facts and cg:causes quads noteFactQuads writes for `text`. */
  const graphFacts = (text: string) => {
    const found = extractClinical(text, { noteYear: 2026 });
    const { quads } = noteFactQuads({
      ...found,
      hospital: 'hospital-a',
      patient: 'p'.repeat(16),
      document: 'note-1',
      extractor: 'test',
      at: new Date('2026-12-06T00:00:00Z'),
    });
    return quads
      .filter((q) =>
        /#(takesMedication|allergicTo|hasHistoryOf|familyHistoryOf|negatedFinding|possibleFinding|hasCondition|causes)$/.test(
          q.predicate.value,
        ),
      )
      .map(
        (q) =>
          `${q.predicate.value.split('#')[1]} ${q.object.value.split('/').slice(-2).join('/')}`,
      );
  };
  const entitiesOf = (text: string) =>
    extractClinical(text, { noteYear: 2026 }).entities.map(
      (e) => `${e.text}:${e.type}:${e.assertion}`,
    );

  it('writes no cg:causes for a drug that made the problem better', () => {
    const facts = graphFacts('Seizures since levetiracetam was started have decreased.');
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.filter((f) => f.startsWith('causes'))).toEqual([]);
    expect(graphFacts('Pedal edema is a known side effect of Amlodipine.')).toContainEqual(
      expect.stringMatching(/^causes /),
    );
  });

  it('reads no lower-case word inside a list or wrapped prose as a section heading', () => {
    const social =
      'Social History:\nLives with:\nfamily\nSmokes 1 ppd.\nHPI is notable for diabetes and hypertension on lisinopril.';
    expect(entitiesOf(social)).toContain('diabetes:Disease:present');
    expect(graphFacts(social).filter((f) => f.startsWith('familyHistoryOf'))).toEqual([]);
    expect(
      entitiesOf(
        'Past Medical History:\nasthma\nallergies\nGERD on omeprazole\nhypertension - lisinopril',
      ),
    ).toEqual([
      'asthma:Disease:present',
      'GERD:Disease:present',
      'omeprazole:Chemical:present',
      'hypertension:Disease:present',
      'lisinopril:Chemical:present',
    ]);
    expect(
      entitiesOf(
        'Problem list:\n1. hypertension\n2. seasonal allergies\n3. allergies\n4. diabetes on metformin',
      ),
    ).toContain('metformin:Chemical:present');
    expect(
      entitiesOf('HPI: Patient has a strong\nfamily\nhistory of colon cancer.'),
    ).not.toContainEqual(expect.stringMatching(/:family$/));
    // A lower-case heading as a block of its own still opens its section.
    expect(entitiesOf('allergies\n* sulfonamide: itching')).toEqual([
      'sulfonamide:Chemical:historical',
      'itching:Symptom:historical',
    ]);
  });

  it('keeps the allergy concept the patient fact in an allergies section, denied or not', () => {
    const denied = graphFacts('Allergies: no known allergy to penicillin');
    expect(denied).toEqual([expect.stringMatching(/^negatedFinding .*91936005$/)]);
    const allergic = graphFacts('Allergies: allergic to penicillin (hives)');
    expect(allergic).toContainEqual(expect.stringMatching(/^hasHistoryOf .*(91936005|Z88\.0)$/));
    expect(allergic.filter((f) => /penicillin|D010406/i.test(f))).toEqual([]);
  });

  // "She is allergic to amoxicillin." wrote cg:takesMedication amoxicillin (the drug she is allergic
  // to), and a drug of an allergies section cg:hasHistoryOf; the allergy concept (Z88) stays the
  // patient fact where the vocabulary has one.
  it('writes the drug of an allergy as cg:allergicTo, never as taken or as history', () => {
    const RX = 'RXNORM/723';
    expect(graphFacts('She is allergic to amoxicillin.')).toEqual([`allergicTo ${RX}`]);
    expect(graphFacts('Allergies:\namoxicillin - rash')).toEqual([
      `allergicTo ${RX}`,
      'hasHistoryOf id/271807003',
      `causes id/271807003`,
    ]);
    expect(graphFacts('Intolerant of metformin (diarrhea).')).toContainEqual(
      'allergicTo RXNORM/6809',
    );
    // Negation wins: a denied allergy stays a denied mention.
    for (const text of ['No known allergy to amoxicillin.', 'Denies allergy to amoxicillin.'])
      expect(graphFacts(text), text).toEqual([`negatedFinding ${RX}`]);
    expect(graphFacts('Possible allergy to amoxicillin.')).toEqual([`possibleFinding ${RX}`]);
    // Taken in one sentence, an allergen in another: both facts.
    expect(
      graphFacts('Was on amoxicillin for otitis media. Now allergic to amoxicillin (hives).'),
    ).toEqual(
      expect.arrayContaining([`takesMedication ${RX}`, `allergicTo ${RX}`, 'causes id/126485001']),
    );
    // The allergy concept stays the fact when the vocabulary has one.
    expect(graphFacts('She is allergic to penicillin.')).toEqual([
      expect.stringMatching(/^hasCondition .*(91936005|Z88\.0)$/),
    ]);
  });

  it.each([
    'AKI held metformin.',
    'Hypotension held lisinopril.',
    'Bradycardia held metoprolol this morning.',
    'Cough discontinued lisinopril.',
  ])('records the medicine of "%s" as history, never as taken', (text) => {
    expect(entitiesOf(text)[1]).toMatch(/:Chemical:historical$/);
    expect(graphFacts(text).filter((f) => f.startsWith('takesMedication'))).toEqual([]);
  });
});
