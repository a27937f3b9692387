// Domain (kg): the one place RDF terms become text. Every IRI and literal that reaches a SPARQL query,
// a SPARQL update or an N-Quads file is checked or escaped here, so user input (search text, codes,
// note-derived labels) can never close a string or an IRI and inject syntax. Queries are written with
// the `sparql` tagged template, which escapes each interpolated value by its type; plain strings are
// always literals, never raw syntax.
//
// Syntax: SPARQL 1.1 Query (W3C Rec 2013) §19.8 grammar IRIREF / STRING_LITERAL_QUOTE / ECHAR /
// LANGTAG / VAR1, and RDF 1.1 N-Triples (W3C Rec 2014) §2, which share the same escapes. Oxigraph and
// Neptune both tokenise `\u` inside strings (no pre-parse codepoint pass), so a backslash escaped as
// `\\` stays a backslash.
import { ValidationError } from '../errors';

export interface IriTerm {
  readonly termType: 'NamedNode';
  readonly value: string;
}

export interface LiteralTerm {
  readonly termType: 'Literal';
  readonly value: string;
  /** Datatype IRI; absent for xsd:string and language-tagged strings. */
  readonly datatype?: string;
  readonly language?: string;
}

export type RdfTerm = IriTerm | LiteralTerm;

export const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** A piece of SPARQL that is already safe: built by `sparql`, `variable` or `joinSparql` only. */
export class SparqlFragment {
  private constructor(readonly text: string) {}

  /** @internal Only this module mints fragments. */
  static of(text: string): SparqlFragment {
    return new SparqlFragment(text);
  }

  toString(): string {
    return this.text;
  }
}

/** Values the `sparql` template accepts; anything else is a programming error. */
export type SparqlValue =
  RdfTerm | SparqlFragment | string | number | boolean | readonly SparqlValue[];

// SPARQL 1.1 IRIREF: no <>"{}|^`\ and no code points U+0000-U+0020. A scheme is required (absolute IRI).
// eslint-disable-next-line no-control-regex -- IRIREF forbids exactly these code points
const IRI_BODY = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * An absolute IRI term. Throws a ValidationError (naming `field`, never echoing the value, which may
 * be user input) when the text is not an absolute IRI or holds a character IRIREF forbids.
 */
export function iri(value: string, field = 'iri'): IriTerm {
  if (typeof value !== 'string' || value.length > 2048 || !IRI_BODY.test(value))
    throw new ValidationError(`${field} is not a valid absolute IRI`, field);
  return { termType: 'NamedNode', value };
}

/** True when `value` would be accepted by `iri`. */
export function isValidIri(value: string): boolean {
  return typeof value === 'string' && value.length <= 2048 && IRI_BODY.test(value);
}

/**
 * True when `value` is an absolute IRI with no character IRIREF forbids, whatever its length: what a
 * file of statements (N-Quads) may hold, since RDF sets no length limit. The 2,048-character cap of
 * `iri` is for IRIs built from request input.
 */
export function isIriOfAnyLength(value: string): boolean {
  return typeof value === 'string' && IRI_BODY.test(value);
}

/** A literal: plain (xsd:string), language-tagged, or typed with a datatype IRI. */
export function literal(
  value: string,
  options: { datatype?: string; language?: string } = {},
): LiteralTerm {
  if (typeof value !== 'string') throw new ValidationError('literal value is not a string');
  if (options.language !== undefined) {
    if (!LANGUAGE_TAG.test(options.language))
      throw new ValidationError('language tag is not a valid BCP 47 tag', 'language');
    return { termType: 'Literal', value, language: options.language };
  }
  if (options.datatype !== undefined && options.datatype !== `${XSD}string`) {
    return { termType: 'Literal', value, datatype: iri(options.datatype, 'datatype').value };
  }
  return { termType: 'Literal', value };
}

/** xsd:integer literal; refuses non-integers. */
export function integerLiteral(value: number): LiteralTerm {
  if (!Number.isSafeInteger(value)) throw new ValidationError('value is not an integer');
  return literal(String(value), { datatype: `${XSD}integer` });
}

/** xsd:decimal literal of a finite number (no exponent, as xsd:decimal's lexical space requires). */
export function decimalLiteral(value: number): LiteralTerm {
  if (!Number.isFinite(value)) throw new ValidationError('value is not a finite number');
  const text = Number.isInteger(value) ? `${value}.0` : value.toFixed(6).replace(/0+$/, '');
  return literal(text, { datatype: `${XSD}decimal` });
}

/** xsd:dateTime literal in UTC from an instant. */
export function dateTimeLiteral(at: Date): LiteralTerm {
  if (Number.isNaN(at.getTime())) throw new ValidationError('time is not a valid instant', 'time');
  return literal(at.toISOString(), { datatype: `${XSD}dateTime` });
}

/** Escapes a string for a double-quoted SPARQL / N-Triples literal (ECHAR, and \u for controls). */
export function escapeLiteralText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}

/** A term in N-Triples / SPARQL syntax: `<iri>`, `"text"`, `"text"@en`, `"1"^^<xsd:integer>`. */
export function termText(term: RdfTerm): string {
  if (term.termType === 'NamedNode') return `<${iriText(term.value, 'iri')}>`;
  const quoted = `"${escapeLiteralText(term.value)}"`;
  if (term.language) return `${quoted}@${literal('', { language: term.language }).language}`;
  if (term.datatype) return `${quoted}^^<${iriText(term.datatype, 'datatype')}>`;
  return quoted;
}

/**
 * An IRI checked again as it is written: absolute, no character IRIREF forbids (what keeps it from
 * carrying SPARQL). Its length is not checked here: IRIs built from request input were capped when
 * made (`iri`), and statements loaded from N-Quads may be of any length (RDF sets no limit).
 */
function iriText(value: string, field: string): string {
  if (!isIriOfAnyLength(value))
    throw new ValidationError(`${field} is not a valid absolute IRI`, field);
  return value;
}

/** One ground triple `s p o .` as a safe fragment (for INSERT DATA / DELETE DATA). */
export function triplePattern(
  subject: RdfTerm,
  predicate: IriTerm,
  object: RdfTerm,
): SparqlFragment {
  return SparqlFragment.of(`${termText(subject)} ${termText(predicate)} ${termText(object)} .`);
}

/** A bare non-negative integer token, for LIMIT and OFFSET (where a typed literal is not allowed). */
export function integerToken(value: number): SparqlFragment {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new ValidationError('value is not a non-negative integer');
  return SparqlFragment.of(String(value));
}

/** A SPARQL variable `?name`; the name must be a plain identifier. */
export function variable(name: string): SparqlFragment {
  if (!VARIABLE_NAME.test(name)) throw new ValidationError('not a valid SPARQL variable name');
  return SparqlFragment.of(`?${name}`);
}

/** Joins safe fragments (or values, each escaped) with a separator that is itself fixed text. */
export function joinSparql(values: readonly SparqlValue[], separator: '\n' | ' ' | ' ;\n' | ', ') {
  return SparqlFragment.of(values.map(valueText).join(separator));
}

/**
 * Tagged template for SPARQL: `sparql\`SELECT ?l WHERE { ${iri(x)} rdfs:label ?l }\``. Each
 * interpolated value is rendered by type: IRI and literal terms through `termText`, fragments as they
 * are, strings as escaped plain literals, numbers as xsd:integer / xsd:decimal, booleans as
 * xsd:boolean, arrays element by element separated by spaces (for VALUES lists).
 */
export function sparql(strings: TemplateStringsArray, ...values: SparqlValue[]): SparqlFragment {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += valueText(value) + strings[index + 1]!;
  });
  return SparqlFragment.of(text);
}

function valueText(value: SparqlValue): string {
  if (value instanceof SparqlFragment) return value.text;
  if (Array.isArray(value)) return value.map(valueText).join(' ');
  if (typeof value === 'string') return termText(literal(value));
  if (typeof value === 'number')
    return termText(Number.isInteger(value) ? integerLiteral(value) : decimalLiteral(value));
  if (typeof value === 'boolean')
    return termText(literal(String(value), { datatype: `${XSD}boolean` }));
  if (isTerm(value)) return termText(value);
  throw new TypeError('sparql: unsupported interpolated value');
}

function isTerm(value: unknown): value is RdfTerm {
  const termType = (value as { termType?: unknown } | null)?.termType;
  return termType === 'NamedNode' || termType === 'Literal';
}
