import { describe, expect, it } from 'vitest';
import {
  relationMetrics,
  relationsEval,
  scoreNoteRelations,
  type EntityLike,
  type NoteRelations,
} from './relations';

// "Metformin for type 2 diabetes; lisinopril with warfarin causes rash."
const text = 'Metformin for type 2 diabetes; lisinopril with warfarin causes rash.';
const span = (s: string, from = 0): EntityLike => {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`"${s}" is not in the text`);
  return { start, end: start + s.length, text: s };
};
const metformin = span('Metformin');
const t2d = span('type 2 diabetes');
const diabetes = span('diabetes');
const lisinopril = span('lisinopril');
const warfarin = span('warfarin');
const rash = span('rash');

const truth: NoteRelations = {
  entities: [metformin, t2d, lisinopril, warfarin, rash],
  relations: [
    { type: 'treats', head: 0, tail: 1 },
    { type: 'causes', head: 3, tail: 4 },
  ],
};

describe('Function: scoreNoteRelations', () => {
  it('counts a relation with the same type and exactly the same spans as a true positive, strict and lenient', () => {
    // Arrange: the extractor's own entity list (other indices, same spans)
    const predicted: NoteRelations = {
      entities: [rash, warfarin, metformin, t2d],
      relations: [
        { type: 'treats', head: 2, tail: 3 },
        { type: 'causes', head: 1, tail: 0 },
      ],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.treats).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.strict.causes).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.lenient.treats).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.errors).toEqual([]);
  });

  it('counts the wrong type over the right spans as a false positive of its type and a false negative of the true one', () => {
    // Arrange
    const predicted: NoteRelations = {
      entities: [metformin, t2d],
      relations: [{ type: 'causes', head: 0, tail: 1 }],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.causes).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.strict.treats).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(score.lenient.causes).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.lenient.treats).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(score.errors).toContainEqual({
      kind: 'fp',
      type: 'causes',
      cause: 'wrongType',
      lenientMatch: false,
      head: 'Metformin',
      tail: 'type 2 diabetes',
    });
    expect(score.errors).toContainEqual({
      kind: 'fn',
      type: 'treats',
      cause: 'wrongType',
      lenientMatch: false,
      head: 'Metformin',
      tail: 'type 2 diabetes',
    });
  });

  it('counts a wrong (overlapping) span as an error when strict and a match when lenient', () => {
    // Arrange: "diabetes" for the true "type 2 diabetes"
    const predicted: NoteRelations = {
      entities: [metformin, diabetes],
      relations: [{ type: 'treats', head: 0, tail: 1 }],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.treats).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.lenient.treats).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'fp', cause: 'entityNotInTruth', lenientMatch: true }),
        expect.objectContaining({ kind: 'fn', cause: 'entityMissed', lenientMatch: true }),
      ]),
    );
  });

  it('counts a span that does not overlap the true one as an error even when lenient', () => {
    // Arrange: lisinopril, not metformin, for type 2 diabetes
    const predicted: NoteRelations = {
      entities: [t2d, lisinopril],
      relations: [{ type: 'treats', head: 1, tail: 0 }],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.treats).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.lenient.treats).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.errors).toContainEqual(
      expect.objectContaining({ kind: 'fp', cause: 'unannotatedPair', head: 'lisinopril' }),
    );
  });

  it('counts a prediction repeated over the same spans once', () => {
    // Arrange: the same relation twice, once through a second entity with the same span
    const predicted: NoteRelations = {
      entities: [metformin, t2d, { ...t2d }],
      relations: [
        { type: 'treats', head: 0, tail: 1 },
        { type: 'treats', head: 0, tail: 1 },
        { type: 'treats', head: 0, tail: 2 },
      ],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.treats).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.lenient.treats).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('credits one truth relation once when leniently two predictions overlap it', () => {
    // Arrange: "type 2 diabetes" and "diabetes" both overlap the true tail
    const predicted: NoteRelations = {
      entities: [metformin, t2d, diabetes],
      relations: [
        { type: 'treats', head: 0, tail: 1 },
        { type: 'treats', head: 0, tail: 2 },
      ],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.treats).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(score.lenient.treats).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('finds the largest lenient matching, not the first one a greedy pass would take', () => {
    // Arrange: truth A = X treats "type 2 diabetes", B = X treats "diabetes" (nested spans);
    // prediction 1 ("2 diabetes") overlaps both, prediction 2 ("type 2") only A.
    const x = metformin;
    const twoDiabetes = span('2 diabetes');
    const type2 = span('type 2');
    const nested: NoteRelations = {
      entities: [x, t2d, diabetes],
      relations: [
        { type: 'treats', head: 0, tail: 1 },
        { type: 'treats', head: 0, tail: 2 },
      ],
    };
    const predicted: NoteRelations = {
      entities: [x, twoDiabetes, type2],
      relations: [
        { type: 'treats', head: 0, tail: 1 },
        { type: 'treats', head: 0, tail: 2 },
      ],
    };
    // Act
    const score = scoreNoteRelations(nested, predicted);
    // Assess
    expect(score.lenient.treats).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(score.strict.treats).toEqual({ tp: 0, fp: 2, fn: 2 });
  });

  it('reads interacts in either direction', () => {
    // Arrange
    const interacting: NoteRelations = {
      entities: [lisinopril, warfarin],
      relations: [{ type: 'interacts', head: 0, tail: 1 }],
    };
    const predicted: NoteRelations = {
      entities: [lisinopril, warfarin],
      relations: [{ type: 'interacts', head: 1, tail: 0 }],
    };
    // Act
    const score = scoreNoteRelations(interacting, predicted);
    // Assess
    expect(score.strict.interacts).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('keeps direction for the other types: drug causes rash is not rash causes drug', () => {
    // Arrange
    const predicted: NoteRelations = {
      entities: [warfarin, rash],
      relations: [{ type: 'causes', head: 1, tail: 0 }],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.strict.causes).toEqual({ tp: 0, fp: 1, fn: 1 });
    // The same type the other way round is a direction error, not a type error (review of 624854a).
    expect(score.errors.filter((e) => e.type === 'causes')).toEqual([
      {
        kind: 'fp',
        type: 'causes',
        cause: 'wrongDirection',
        lenientMatch: false,
        head: 'rash',
        tail: 'warfarin',
      },
      {
        kind: 'fn',
        type: 'causes',
        cause: 'wrongDirection',
        lenientMatch: false,
        head: 'warfarin',
        tail: 'rash',
      },
    ]);
  });

  it('calls a relation of another type over the reversed pair a type error, not a direction error', () => {
    // Arrange: treats rash -> warfarin where the truth has causes warfarin -> rash
    const predicted: NoteRelations = {
      entities: [warfarin, rash],
      relations: [{ type: 'treats', head: 1, tail: 0 }],
    };
    // Act
    const score = scoreNoteRelations(truth, predicted);
    // Assess
    expect(score.errors.map((e) => `${e.kind}.${e.type}.${e.cause}`).sort()).toEqual([
      'fn.causes.wrongType',
      'fn.treats.entityMissed',
      'fp.treats.wrongType',
    ]);
  });

  it('names the relation and the entity when a relation points past the entity list', () => {
    // Arrange
    const broken: NoteRelations = {
      entities: [metformin],
      relations: [{ type: 'treats', head: 0, tail: 3 }],
    };
    // Act / Assess
    expect(() => scoreNoteRelations(truth, broken)).toThrow(
      'predicted relation 0 (treats) names entity 3',
    );
  });
});

describe('Function: relationMetrics', () => {
  it('gives counts and P/R/F1 per type and micro-averaged over every type', () => {
    // Act
    const m = relationMetrics('strict', {
      treats: { tp: 8, fp: 2, fn: 8 },
      causes: { tp: 2, fp: 0, fn: 0 },
      interacts: { tp: 0, fp: 3, fn: 0 },
      associated_with: { tp: 0, fp: 0, fn: 0 },
    });
    // Assess
    expect(m['strict.treats.precision']).toBe(0.8);
    expect(m['strict.treats.recall']).toBe(0.5);
    expect(m['strict.treats.f1']).toBe(0.6154);
    expect(m['strict.interacts.fp']).toBe(3);
    expect(m['strict.micro.tp']).toBe(10);
    expect(m['strict.micro.fp']).toBe(5);
    expect(m['strict.micro.fn']).toBe(8);
    expect(m['strict.micro.precision']).toBe(0.6667);
    expect(m['strict.micro.recall']).toBe(0.5556);
  });
});

describe('Function: relationsEval', () => {
  it('scores the extractor on a few synthetic patients and reports progress', async () => {
    // Arrange
    const progress: string[] = [];
    // Act
    const result = await relationsEval({
      sharedData: '/nonexistent',
      progress: (l) => progress.push(l),
      size: 3,
    });
    // Assess
    if (!('metrics' in result)) throw new Error('the suite skipped');
    const m = result.metrics;
    expect(m.patients).toBe(3);
    expect(m.notes).toBeGreaterThan(0);
    expect(m['strict.micro.tp']).toBeGreaterThan(0);
    expect(m['strict.micro.tp']! + m['strict.micro.fn']!).toBe(
      m['lenient.micro.tp']! + m['lenient.micro.fn']!,
    );
    expect(m['lenient.micro.tp']).toBeGreaterThanOrEqual(m['strict.micro.tp']!);
    expect(progress.at(-1)).toMatch(/3\/3 patients/);
  });
});
