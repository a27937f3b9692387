// Domain (deid): de-identifies a note. Finds the PHI (detect.ts), then writes each span as a
// consistent surrogate (the default) or as its category tag ("[NAME]"). Offsets in the result refer to
// the INPUT text, as the CLI contract requires.
import { ValidationError } from '../errors';
import type { DetectOptions, PhiFinding } from './model';
import { detectPhi } from './detect';
import { SurrogateMaker } from './surrogates';

export interface DeidOptions extends DetectOptions {
  /** `surrogate` (default): realistic stand-ins, dates shifted; `tag`: `[NAME]`, `[DATE]`... */
  replacement?: 'surrogate' | 'tag';
  /** The per-patient secret (at least 16 bytes) surrogates and the date offset derive from; required for surrogates. */
  key?: string | Uint8Array;
}

export interface DeidResult {
  /** The redacted text. */
  text: string;
  /** The PHI found, with offsets into the input text. */
  phi: PhiFinding[];
}

/**
 * De-identifies `text` under HIPAA Safe Harbor (45 CFR 164.514(b)(2)): names, places smaller than a
 * state, date elements other than the year, ages over 89 (written "90+"), phone and fax numbers,
 * e-mail, URLs, IP addresses and record/account/licence/device numbers. Surrogates are consistent
 * for one key: the same name always gets the same stand-in, and every date moves by the same offset.
 */
export function deidentifyText(text: string, options: DeidOptions = {}): DeidResult {
  const replacement = options.replacement ?? 'surrogate';
  if (replacement === 'surrogate') {
    const length =
      typeof options.key === 'string' ? Buffer.byteLength(options.key) : options.key?.length;
    if (!length || length < 16)
      throw new ValidationError('surrogates need a per-patient key of at least 16 bytes', 'key');
  }
  const phi = detectPhi(text, options).map(({ start, end, category, text: t }) => ({
    start,
    end,
    category,
    text: t,
  }));
  const maker = replacement === 'surrogate' ? new SurrogateMaker(options.key!) : undefined;
  let out = '';
  let at = 0;
  for (const p of phi) {
    out +=
      text.slice(at, p.start) + (maker ? maker.replace(p.category, p.text) : `[${p.category}]`);
    at = p.end;
  }
  return { text: out + text.slice(at), phi };
}
