// Test helper: find PHI canaries in anything a test captured. Strings are searched case-insensitively
// for every spelling of every canary; a string that is JSON, NDJSON or base64 text is opened and its
// contents searched too, so a finding names the exact element (`resource.birthDate`) it sits in.
import type { Canary } from '../fixtures/phi/canaries';

export interface Finding {
  /** The store or channel, e.g. `dynamodb:caregraph-local-serving`, `http:GET /patients/x`. */
  where: string;
  /** JSON path inside it (`items[3].resource.name`), or `` for plain text. */
  path: string;
  canary: Canary;
  /** The spelling found. */
  form: string;
  /** A few characters around the hit, for the failure message. */
  excerpt: string;
}

/** A piece of captured output: where it came from and its content (text, JSON value or bytes). */
export interface Captured {
  where: string;
  content: unknown;
}

const base64Text = /^[A-Za-z0-9+/]{24,}={0,2}$/;

export class PhiScanner {
  private readonly forms: { canary: Canary; form: string; lower: string }[];

  constructor(canaries: readonly Canary[]) {
    this.forms = canaries.flatMap((canary) =>
      canary.forms.map((form) => ({ canary, form, lower: form.toLowerCase() })),
    );
  }

  /** Every canary spelling found in `captured` (all of its strings, nested JSON and base64 included). */
  scan(captured: Captured): Finding[] {
    const findings: Finding[] = [];
    this.walk(captured.where, captured.content, '', findings, 0);
    return findings;
  }

  scanAll(captured: Iterable<Captured>): Finding[] {
    return [...captured].flatMap((c) => this.scan(c));
  }

  private walk(where: string, value: unknown, path: string, out: Finding[], depth: number): void {
    if (depth > 64 || value === null || value === undefined) return;
    if (value instanceof Uint8Array)
      return this.text(where, Buffer.from(value).toString('utf8'), path, out, depth);
    if (typeof value === 'string') return this.text(where, value, path, out, depth);
    if (typeof value !== 'object') return this.text(where, String(value), path, out, depth);
    if (value instanceof Set || value instanceof Map) value = [...value];
    if (Array.isArray(value)) {
      value.forEach((v, i) => this.walk(where, v, `${path}[${i}]`, out, depth + 1));
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Keys are content too (a map keyed by a name would leak it).
      this.match(where, k, `${path}{key}`, out);
      this.walk(where, v, path ? `${path}.${k}` : k, out, depth + 1);
    }
  }

  private text(where: string, text: string, path: string, out: Finding[], depth: number): void {
    const nested = parseNested(text);
    if (nested !== undefined) {
      this.walk(where, nested, path, out, depth + 1);
      return;
    }
    this.match(where, text, path, out);
    const compact = text.trim();
    if (compact.length % 4 === 0 && base64Text.test(compact)) {
      const decoded = Buffer.from(compact, 'base64').toString('utf8');
      if (isMostlyPrintable(decoded)) this.walk(where, decoded, `${path}<base64>`, out, depth + 1);
    }
  }

  private match(where: string, text: string, path: string, out: Finding[]): void {
    const lower = text.toLowerCase();
    for (const { canary, form, lower: needle } of this.forms) {
      const at = lower.indexOf(needle);
      if (at < 0) continue;
      const excerpt = text
        .slice(Math.max(0, at - 30), at + needle.length + 30)
        .replace(/\s+/g, ' ');
      out.push({ where, path, canary, form, excerpt });
    }
  }
}

/** A JSON document (object or array) or NDJSON (one JSON value per line) inside a string; else undefined. */
function parseNested(text: string): unknown {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    const lines = t.split('\n');
    if (lines.length < 2) return undefined;
    const values: unknown[] = [];
    for (const line of lines) {
      try {
        values.push(line.trim() ? (JSON.parse(line) as unknown) : '');
      } catch {
        values.push(line); // a non-JSON line is still searched as text
      }
    }
    return values;
  }
}

function isMostlyPrintable(text: string): boolean {
  if (!text) return false;
  let printable = 0;
  for (const ch of text) if (/[\x20-\x7E\n\r\t]/.test(ch)) printable++;
  return printable / text.length > 0.9;
}

/** One line per finding, for an assertion message that says what leaked where. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.canary.kind} (${f.canary.source}) "${f.form}" in ${f.where} at ${f.path || '<text>'}: …${f.excerpt}…`,
    )
    .join('\n');
}
