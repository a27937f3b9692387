// Secondary adapter support: parses N-Quads text into statements without a full RDF parser, so the
// graph adapter can run in Lambda without oxigraph. N-Quads puts one statement on each line
// (RDF 1.1 N-Quads, W3C Recommendation 2014, §2), so a small per-line tokenizer is enough.
//
// Each term is checked against the N-Quads grammar (RDF 1.1 N-Quads §5 / RDF 1.1 N-Triples §7:
// IRIREF, BLANK_NODE_LABEL, STRING_LITERAL_QUOTE with ECHAR / UCHAR, LANGTAG) and parsed into a term
// value, never kept as raw text: the SPARQL Update path re-serialises the terms through termText
// (shared/domain/kg/sparql.ts), so no line can close a term or a block and inject SPARQL syntax.
import { ValidationError } from '../../domain/errors';
import { isIriOfAnyLength, literal, type IriTerm, type LiteralTerm } from '../../domain/kg/sparql';

/** A blank node; `value` is its label without the `_:` prefix. */
export interface BlankNodeTerm {
  readonly termType: 'BlankNode';
  readonly value: string;
}

export type NQuadsResource = IriTerm | BlankNodeTerm;

/** One N-Quads statement, as parsed terms. */
export interface NQuadsStatement {
  subject: NQuadsResource;
  predicate: IriTerm;
  object: NQuadsResource | LiteralTerm;
  /** Undefined for the default graph. */
  graph?: NQuadsResource;
}

// RDF 1.1 N-Quads (W3C Rec 2014) §5 productions [157s]-[166s], shared with RDF 1.1 N-Triples §7:
//   BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
//   PN_CHARS_BASE    ::= [A-Z] | [a-z] | [#x00C0-#x00D6] | [#x00D8-#x00F6] | [#x00F8-#x02FF]
//                      | [#x0370-#x037D] | [#x037F-#x1FFF] | [#x200C-#x200D] | [#x2070-#x218F]
//                      | [#x2C00-#x2FEF] | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD]
//                      | [#x10000-#xEFFFF]
//   PN_CHARS_U       ::= PN_CHARS_BASE | '_' | ':'
//   PN_CHARS         ::= PN_CHARS_U | '-' | [0-9] | #x00B7 | [#x0300-#x036F] | [#x203F-#x2040]
const PN_CHARS_BASE =
  'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF' +
  '\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD' +
  '\\u{10000}-\\u{EFFFF}';
const PN_CHARS_U = `${PN_CHARS_BASE}_:`;
// The combining marks come first in each class, so no-misleading-character-class reads none of them
// as joined to the character before.
const PN_CHARS = `\\u0300-\\u036F${PN_CHARS_U}\\-0-9\\u00B7\\u203F-\\u2040`;
/** The label after `_:`; the greedy `(PN_CHARS | '.')*` backs off so a label never ends with '.'. */
const BLANK_NODE_LABEL = new RegExp(`[${PN_CHARS_U}0-9](?:[${PN_CHARS}.]*[${PN_CHARS}])?`, 'uy');
/** The whole label, for checking a label on its own. */
const WHOLE_BLANK_NODE_LABEL = new RegExp(
  `^[${PN_CHARS_U}0-9](?:[${PN_CHARS}.]*[${PN_CHARS}])?$`,
  'u',
);

/** LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* (N-Quads [144s]); the '@' is matched separately. */
const LANGUAGE_TAG = /[A-Za-z]+(?:-[A-Za-z0-9]+)*/y;
/** ECHAR ::= '\' [tbnrf"'\] (N-Quads [153s]). */
const ECHAR: Record<string, string> = {
  t: '\t',
  b: '\b',
  n: '\n',
  r: '\r',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};
/** IRIREF excludes these besides U+0000-U+0020 (N-Quads [10]): <>"{}|^`\ */
const IRI_EXCLUDED = new Set(['<', '>', '"', '{', '}', '|', '^', '`', '\\']);

/** True when `label` (without `_:`) matches the N-Quads BLANK_NODE_LABEL production. */
export function isBlankNodeLabel(label: string): boolean {
  return WHOLE_BLANK_NODE_LABEL.test(label);
}

/**
 * Splits N-Quads text into statements, one per line, skipping blank lines and `#` comments. Each
 * term is checked against the N-Quads grammar and its position, so a malformed line fails here with
 * a ValidationError naming its 1-based line number (never its content, which may be PHI), rather
 * than halfway through a load.
 */
export function splitNQuads(text: string): NQuadsStatement[] {
  const statements: NQuadsStatement[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const statement = parseLine(lines[index]!, index + 1);
    if (statement) statements.push(statement);
  }
  return statements;
}

type Term = NQuadsResource | LiteralTerm;

/** Thrown inside the tokenizer; parseLine turns it into the line-numbered ValidationError. */
class Malformed extends Error {}

const malformed = (): never => {
  throw new Malformed();
};

function parseLine(line: string, lineNumber: number): NQuadsStatement | undefined {
  try {
    return parseStatement(line);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    throw new ValidationError(
      `N-Quads line ${lineNumber} is not a valid statement`,
      `line ${lineNumber}`,
    );
  }
}

function parseStatement(line: string): NQuadsStatement | undefined {
  let at = skipSpace(line, 0);
  if (at >= line.length || line[at] === '#') return undefined;
  const terms: Term[] = [];
  while (at < line.length && line[at] !== '.' && terms.length < 4) {
    const [term, end] = readTerm(line, at);
    terms.push(term);
    at = skipSpace(line, end);
  }
  if (line[at] !== '.' || terms.length < 3) malformed();
  const rest = line.slice(at + 1).trim();
  if (rest !== '' && !rest.startsWith('#')) malformed();
  const [subject, predicate, object, graph] = terms as [Term, Term, Term, Term?];
  if (
    !isResource(subject) ||
    predicate.termType !== 'NamedNode' ||
    (graph !== undefined && !isResource(graph))
  )
    malformed();
  return {
    subject: subject as NQuadsResource,
    predicate: predicate as IriTerm,
    object,
    ...(graph ? { graph: graph as NQuadsResource } : {}),
  };
}

function isResource(term: Term): boolean {
  return term.termType === 'NamedNode' || term.termType === 'BlankNode';
}

function skipSpace(line: string, at: number): number {
  while (at < line.length && (line[at] === ' ' || line[at] === '\t' || line[at] === '\r')) at += 1;
  return at;
}

/** The term starting at `at` and the index just past it; Malformed when none starts there. */
function readTerm(line: string, at: number): [Term, number] {
  const first = line[at];
  if (first === '<') {
    const [value, end] = readIri(line, at);
    return [{ termType: 'NamedNode', value }, end];
  }
  if (first === '_' && line[at + 1] === ':') {
    BLANK_NODE_LABEL.lastIndex = at + 2;
    const match = BLANK_NODE_LABEL.exec(line) ?? malformed();
    return [{ termType: 'BlankNode', value: match[0] }, at + 2 + match[0].length];
  }
  if (first === '"') return readLiteral(line, at);
  return malformed();
}

/**
 * IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>' (N-Quads [10]). UCHAR escapes are decoded,
 * and the IRI must then be absolute and free of the excluded characters (isIriOfAnyLength; RDF
 * sets no length limit), so an escape
 * cannot smuggle in a '>' either.
 */
function readIri(line: string, at: number): [string, number] {
  let value = '';
  let end = at + 1;
  for (;;) {
    const char = line[end] ?? malformed();
    if (char === '>') break;
    if (char === '\\') {
      const [decoded, next] = readUchar(line, end);
      value += decoded;
      end = next;
      continue;
    }
    if (char.charCodeAt(0) <= 0x20 || IRI_EXCLUDED.has(char)) malformed();
    value += char;
    end += 1;
  }
  if (!isIriOfAnyLength(value)) malformed();
  return [value, end + 1];
}

/**
 * STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"' (N-Quads [11]), then an
 * optional LANGTAG or '^^' IRIREF. Escapes are decoded; termText escapes the value again.
 */
function readLiteral(line: string, at: number): [LiteralTerm, number] {
  let value = '';
  let end = at + 1;
  for (;;) {
    const char = line[end] ?? malformed();
    if (char === '"') break;
    if (char === '\r' || char === '\n') malformed();
    if (char === '\\') {
      const escaped = ECHAR[line[end + 1] ?? ''];
      if (escaped !== undefined) {
        value += escaped;
        end += 2;
      } else {
        const [decoded, next] = readUchar(line, end);
        value += decoded;
        end = next;
      }
      continue;
    }
    value += char;
    end += 1;
  }
  end += 1;
  try {
    if (line.startsWith('^^', end)) {
      if (line[end + 2] !== '<') return malformed();
      const [datatype, next] = readIri(line, end + 2);
      return [literal(value, { datatype }), next];
    }
    if (line[end] === '@') {
      LANGUAGE_TAG.lastIndex = end + 1;
      const match = LANGUAGE_TAG.exec(line) ?? malformed();
      return [literal(value, { language: match[0] }), LANGUAGE_TAG.lastIndex];
    }
  } catch (error) {
    // literal() refuses a language tag with a subtag longer than 8 characters (BCP 47).
    if (error instanceof ValidationError) malformed();
    throw error;
  }
  return [literal(value), end];
}

/** UCHAR ::= '\u' HEX{4} | '\U' HEX{8} (N-Quads [12]), at `at` (the backslash); a Unicode scalar. */
function readUchar(line: string, at: number): [string, number] {
  const digits = line[at + 1] === 'u' ? 4 : line[at + 1] === 'U' ? 8 : malformed();
  const hex = line.slice(at + 2, at + 2 + digits);
  if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) malformed();
  const code = Number.parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) malformed();
  return [String.fromCodePoint(code), at + 2 + digits];
}
