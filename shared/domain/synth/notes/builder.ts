// Domain (synth/notes): the composition engine. Text is only ever appended, and every annotated span
// is recorded at the moment it is appended, after noise and casing, so offsets are exact by construction.
import type {
  Assertion,
  EntitySpan,
  EntityType,
  PhiCategory,
  PhiSpan,
  RelationTriple,
} from '../model';
import type { Rng } from '../rng';
import { emptyNoiseCounts, TypoStream, type NoiseCounts, type NoiseRates } from './noise';

/** Whole-note casing: most notes are as written; some are typed in capitals or all lowercase. */
export type CaseStyle = 'as-written' | 'upper' | 'lower';

export interface Coding {
  code: string;
  system: string;
}

export interface BuiltText {
  text: string;
  entities: EntitySpan[];
  relations: RelationTriple[];
  phi: PhiSpan[];
  noise: NoiseCounts;
}

/** Independent random streams for the noise, so content draws never depend on noise draws. */
export interface NoiseStreams {
  typos: Rng;
  abbreviations: Rng;
}

/**
 * Appends literal text, entity mentions and PHI, recording 0-based UTF-16 offsets (end exclusive)
 * as it goes. Literal text and entity surfaces receive typos; PHI and `verbatim` text never do.
 */
export class NoteBuilder {
  private readonly chunks: string[] = [];
  private offset = 0;
  private capitaliseNext = false;
  readonly entities: EntitySpan[] = [];
  readonly relations: RelationTriple[] = [];
  readonly phi: PhiSpan[] = [];
  readonly counts: NoiseCounts = emptyNoiseCounts();
  /** The last entity's surface as chosen, before any typo (what grammar after it agrees with). */
  lastEntitySurface = '';
  private readonly typos: TypoStream;

  constructor(
    private readonly noise: NoiseStreams,
    private readonly rates: NoiseRates,
    private readonly caseStyle: CaseStyle = 'as-written',
  ) {
    this.typos = new TypoStream(noise.typos, rates.typoRate);
  }

  /** True when the text so far ends a line (or is empty). */
  endsWithNewline(): boolean {
    const last = this.chunks[this.chunks.length - 1];
    return last === undefined || last.endsWith('\n');
  }

  /** Current length of the text, i.e. the offset the next append starts at. */
  get length(): number {
    return this.offset;
  }

  /** Literal prose; may receive typos. */
  text(s: string): this {
    this.push(this.typos.perturb(s, this.counts));
    return this;
  }

  /** Literal text that is never perturbed (numbers, units, codes, layout). */
  verbatim(s: string): this {
    this.push(s);
    return this;
  }

  /** The first letter of the next non-empty append is capitalised (sentence starts, list items). */
  capitalise(): this {
    this.capitaliseNext = true;
    return this;
  }

  /** Appends an entity mention and returns its index in `entities`. */
  entity(surface: string, type: EntityType, assertion: Assertion, coding?: Coding): number {
    const start = this.offset;
    this.lastEntitySurface = surface;
    const text = this.push(this.typos.perturb(surface, this.counts));
    // One literal per shape (same key order, so the same JSON): adding code and system to a built
    // span moved them out of the object into a separately allocated property store.
    const end = this.offset;
    const span: EntitySpan = coding
      ? { start, end, text, type, assertion, code: coding.code, system: coding.system }
      : { start, end, text, type, assertion };
    return this.entities.push(span) - 1;
  }

  /** Appends a PHI mention (never perturbed: the de-identification truth must match the identifiers). */
  phiSpan(surface: string, category: PhiCategory): this {
    const start = this.offset;
    const text = this.push(surface);
    this.phi.push({ start, end: this.offset, category, text });
    return this;
  }

  relate(type: RelationTriple['type'], head: number, tail: number): this {
    if (head >= 0 && tail >= 0 && head !== tail) this.relations.push({ type, head, tail });
    return this;
  }

  /**
   * An abbreviation site: returns one of `short` with probability `abbreviationRate`, else `full`.
   * Always draws twice from the abbreviation stream, so runs at different rates stay aligned.
   */
  abbreviate(full: string, short: readonly string[]): string {
    const u = this.noise.abbreviations.next();
    const v = this.noise.abbreviations.next();
    if (short.length === 0) return full;
    this.counts.abbreviationSites++;
    if (u >= this.rates.abbreviationRate) return full;
    this.counts.abbreviations++;
    return short[Math.floor(v * short.length)]!;
  }

  build(): BuiltText {
    return {
      text: this.chunks.join(''),
      entities: this.entities,
      relations: this.relations,
      phi: this.phi,
      noise: this.counts,
    };
  }

  private push(raw: string): string {
    if (raw.length === 0) return raw;
    let s = raw;
    if (this.capitaliseNext) {
      s = s[0]!.toUpperCase() + s.slice(1);
      this.capitaliseNext = false;
    }
    if (this.caseStyle === 'upper') s = s.toUpperCase();
    else if (this.caseStyle === 'lower') s = s.toLowerCase();
    this.chunks.push(s);
    this.offset += s.length;
    return s;
  }
}
