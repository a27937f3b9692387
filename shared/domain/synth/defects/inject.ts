// Domain (synth/defects): `--dirty RATE`. Takes one patient's NDJSON lines per file, gives each line
// a realistic defect with probability RATE, and says exactly which line got which defect, so the
// ingest pipeline can be scored on what it quarantines (DIR/truth/defects.jsonl).
import { ValidationError } from '../../errors';
import type { Rng } from '../rng';
import { makeConflicting } from './conflicts';
import { misencodeLine, truncateLine } from './encoding';
import {
  danglingReference,
  impossibleValue,
  missingRequired,
  unknownCode,
  wrongUnit,
  type ContentDefect,
  type Json,
} from './mutations';

export const defectKinds = [
  'duplicate',
  'missing-required',
  'wrong-unit',
  'impossible-value',
  'truncated-line',
  'bad-encoding',
  'unknown-code',
  'dangling-reference',
] as const;
export type DefectKind = (typeof defectKinds)[number];

/**
 * Relative weight of each defect. A defective line draws among the kinds that apply to it (wrong-unit
 * only to glucose, weight, temperature and creatinine; impossible-value to Observations with a value
 * and Patients; ...), so realised shares depend on the resource mix; defects.jsonl is the truth.
 */
export const defectWeights: Record<DefectKind, number> = {
  duplicate: 0.2,
  'missing-required': 0.15,
  'wrong-unit': 0.45,
  'impossible-value': 0.2,
  'truncated-line': 0.1,
  'bad-encoding': 0.1,
  'unknown-code': 0.15,
  'dangling-reference': 0.1,
};

/** Share of duplicates that are exact re-sends; the rest keep the id with conflicting content. */
export const exactDuplicateShare = 0.6;

const contentDefects: Partial<Record<DefectKind, ContentDefect>> = {
  'missing-required': missingRequired,
  'wrong-unit': wrongUnit,
  'impossible-value': impossibleValue,
  'unknown-code': unknownCode,
  'dangling-reference': danglingReference,
};

/** One line of defects.jsonl. */
export interface DefectRecord {
  /** The file key the lines came under (`ndjsonLines` gives `Observation.ndjson`, relative to DIR/fhir/). */
  file: string;
  /** 1-based line number in `file`, counting every line this injector has returned for it. */
  line?: number;
  resourceType: string;
  resourceId: string;
  patientId?: string;
  defect: DefectKind;
  /** The element affected, when the defect is in one element. */
  path?: string;
  detail: string;
}

/** A line to write: text (UTF-8) or, for bad-encoding defects, the exact bytes. No newline. */
export type NdjsonLine = string | Uint8Array;

export interface InjectedLines {
  files: Map<string, NdjsonLine[]>;
  defects: DefectRecord[];
}

/**
 * Injects defects into NDJSON lines, deterministically from `rng`. Line numbers continue across
 * calls per file, so one injector fed every patient in write order gives absolute line numbers; a
 * fresh injector per patient gives numbers within that patient's chunk (add the file's offset).
 */
export class DefectInjector {
  private readonly linesReturned = new Map<string, number>();

  constructor(
    readonly rate: number,
    private readonly rng: Rng,
  ) {
    if (!(rate >= 0 && rate <= 1))
      throw new ValidationError('the dirty rate must be within 0 and 1', 'rate');
  }

  /** The lines of one patient per file, with defects, and what was done to which line. */
  inject(files: ReadonlyMap<string, readonly string[]>, patientId?: string): InjectedLines {
    const out = new Map<string, NdjsonLine[]>();
    const defects: DefectRecord[] = [];
    for (const [file, lines] of files) {
      const result: NdjsonLine[] = [];
      const duplicates: { line: string; record: Omit<DefectRecord, 'file'> }[] = [];
      const offset = this.linesReturned.get(file) ?? 0;
      for (const line of lines) {
        const defect =
          this.rate > 0 && this.rng.chance(this.rate) ? this.defectOf(line) : undefined;
        if (!defect) {
          result.push(line);
          continue;
        }
        if (defect.duplicate !== undefined) {
          result.push(line);
          duplicates.push({ line: defect.duplicate, record: defect.record });
        } else {
          result.push(defect.line!);
          defects.push(defectRecord(file, offset + result.length, patientId, defect.record));
        }
      }
      for (const duplicate of duplicates) {
        result.push(duplicate.line);
        defects.push(defectRecord(file, offset + result.length, patientId, duplicate.record));
      }
      this.linesReturned.set(file, offset + result.length);
      out.set(file, result);
    }
    return { files: out, defects };
  }

  /** Choose and apply one defect to `line`; undefined if the line is not a JSON resource. */
  private defectOf(
    line: string,
  ): { line?: NdjsonLine; duplicate?: string; record: Omit<DefectRecord, 'file'> } | undefined {
    const resource = parseResource(line);
    if (!resource) return undefined;
    const identity = {
      resourceType: String(resource.resourceType),
      resourceId: String(resource.id),
    };
    const encoded = misencodeLine(line);
    const applicable = defectKinds.filter((kind) => {
      if (kind === 'bad-encoding') return encoded !== undefined;
      return contentDefects[kind]?.applies(resource) ?? true;
    });
    const kind = this.rng.weighted(applicable.map((k) => [k, defectWeights[k]] as const));
    switch (kind) {
      case 'duplicate':
        return this.duplicate(line, resource, identity);
      case 'truncated-line': {
        const cut = truncateLine(line, this.rng);
        return { line: cut.line, record: { ...identity, defect: kind, detail: cut.detail } };
      }
      case 'bad-encoding':
        return {
          line: encoded!.bytes,
          record: { ...identity, defect: kind, detail: encoded!.detail },
        };
      default: {
        const mutation = contentDefects[kind]!.apply(resource, this.rng);
        return {
          line: JSON.stringify(resource),
          record: { ...identity, defect: kind, ...mutation },
        };
      }
    }
  }

  private duplicate(
    line: string,
    copy: Json,
    identity: { resourceType: string; resourceId: string },
  ): { duplicate: string; record: Omit<DefectRecord, 'file'> } {
    const conflict = this.rng.chance(exactDuplicateShare)
      ? undefined
      : makeConflicting(copy, this.rng);
    if (!conflict) {
      return {
        duplicate: line,
        record: { ...identity, defect: 'duplicate', detail: 'exact copy of an earlier line' },
      };
    }
    return {
      duplicate: JSON.stringify(copy),
      record: { ...identity, defect: 'duplicate', ...conflict },
    };
  }
}

/** A record with its keys in reading order (where, what, which defect, why). */
function defectRecord(
  file: string,
  line: number,
  patientId: string | undefined,
  found: Omit<DefectRecord, 'file'>,
): DefectRecord {
  return {
    file,
    line,
    resourceType: found.resourceType,
    resourceId: found.resourceId,
    ...(patientId === undefined ? {} : { patientId }),
    defect: found.defect,
    ...(found.path === undefined ? {} : { path: found.path }),
    detail: found.detail,
  };
}

function parseResource(line: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      'resourceType' in value
      ? (value as Json)
      : undefined;
  } catch {
    return undefined;
  }
}
