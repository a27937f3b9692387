// Domain (deid): consistent, realistic stand-ins for identifiers. Every choice is an HMAC-SHA256 of the
// category and the normalised original under a per-patient key, so the same name always gets the same
// surrogate within a patient (and a different one for another patient), and nothing can be reversed
// without the key. Dates move by one per-patient offset (-365..-1 days), keeping intervals.
import { createHmac } from 'node:crypto';
import type { DeidCategory } from './model';
import { givenNames } from './lexicon/given-names';
import { familyNames } from './lexicon/family-names';
import { ambiguousNames } from './lexicon/common-words';
import { shiftDate } from './dates';

const surrogateGiven = [...givenNames].filter((n) => !ambiguousNames.has(n) && n.length > 2);
const surrogateFamily = [...familyNames].filter((n) => !ambiguousNames.has(n) && n.length > 2);
// prettier-ignore
const surrogatePlaces = ['Fairview', 'Riverton', 'Oakdale', 'Maplewood', 'Brookfield', 'Glenwood', 'Ashland',
  'Clayton', 'Milford', 'Easton', 'Lakeside', 'Westfield', 'Norwood', 'Kingsley', 'Pinecrest', 'Hillcrest', 'Sherwood',
  'Bridgewater', 'Stonebridge', 'Elmhurst', 'Greenfield', 'Harmony', 'Belmont', 'Wexford', 'Ridgeview', 'Summit'];

/** Writes `word` with the letter case of `like` (UPPER, lower or Capitalised). */
function withCaseOf(like: string, word: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (like === like.toLowerCase()) return word.toLowerCase();
  return word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

export class SurrogateMaker {
  /** Days every date of this patient moves by, -365..-1. */
  readonly dateOffsetDays: number;

  constructor(private readonly key: string | Uint8Array) {
    this.dateOffsetDays = -1 - (this.digest('date-offset', '').readUInt32BE(0) % 365);
  }

  private digest(category: string, value: string): Buffer {
    return createHmac('sha256', this.key).update(`${category}\u0000${value}`).digest();
  }

  private pick<T>(list: readonly T[], category: string, value: string, avoid?: T): T {
    const n = this.digest(category, value).readUInt32BE(0);
    const first = list[n % list.length]!;
    return first === avoid ? list[(n + 1) % list.length]! : first;
  }

  /** A surrogate for `original` in `category`, consistent for this key. */
  replace(category: DeidCategory, original: string): string {
    switch (category) {
      case 'NAME':
        return this.name(original);
      case 'LOCATION':
        return this.place(original);
      case 'DATE':
        return shiftDate(original, this.dateOffsetDays) ?? '[DATE]';
      case 'AGE':
        return '90+';
      case 'EMAIL':
        return `patient.${this.code('email', original, 8)}@example.org`;
      case 'URL':
        return `https://example.org/${this.code('url', original, 10)}`;
      case 'IP':
        return `192.0.2.${1 + (this.digest('ip', original).readUInt8(0) % 254)}`;
      case 'PHONE':
      case 'ID':
        return this.sameShape(category, original);
      default:
        return '[OTHER]';
    }
  }

  /** Each word of a name replaced: initials by letters, given names by given names, others by surnames. */
  private name(original: string): string {
    return original.replace(/[A-Za-z][A-Za-z']*/g, (word) => {
      const lower = word.toLowerCase();
      if (word.length === 1) {
        const letters = 'ABCDEFGHJKLMNPRSTW';
        return withCaseOf(word, this.pick([...letters], 'initial', lower, word.toUpperCase()));
      }
      const list =
        givenNames.has(lower) && !familyNames.has(lower) ? surrogateGiven : surrogateFamily;
      return withCaseOf(word, this.pick(list, 'name', lower, lower));
    });
  }

  private place(original: string): string {
    const normalised = original.toLowerCase().replace(/\s+/g, ' ');
    return withCaseOf(original, this.pick(surrogatePlaces, 'place', normalised));
  }

  /** Digits replaced by digits and letters by letters, punctuation kept (phone, MRN, account numbers). */
  private sameShape(category: string, original: string): string {
    const bytes = this.digest(category, original.replace(/\W/g, '').toLowerCase());
    let i = 0;
    const next = () => bytes[i++ % bytes.length]!;
    return original.replace(/[A-Za-z0-9]/g, (c) =>
      /\d/.test(c) ? String(next() % 10) : withCaseOf(c, String.fromCharCode(97 + (next() % 26))),
    );
  }

  private code(category: string, original: string, length: number): string {
    return this.digest(category, original.toLowerCase()).toString('hex').slice(0, length);
  }
}
