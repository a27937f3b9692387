// Secondary adapter support: splits N-Quads text into statements without a full RDF parser, so the
// graph adapter can run in Lambda without oxigraph. N-Quads puts one statement on each line
// (RDF 1.1 N-Quads, W3C Recommendation 2014, §2), so a small per-line tokenizer is enough.
import { ValidationError } from '../../domain/errors';

/** One N-Quads statement: the triple as N-Triples text (with its final " ."), and its graph term. */
export interface NQuadsStatement {
  triple: string;
  /** `<iri>` or `_:label`; undefined for the default graph. */
  graph?: string;
}

const LANGUAGE_TAG = /@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--(?:ltr|rtl))?/y;

/**
 * Splits N-Quads text into statements, one per line, skipping blank lines and `#` comments. Each
 * term is checked for shape (IRI, blank node, literal) and position, so a malformed line fails here
 * with a ValidationError naming its 1-based line number (never its content, which may be PHI),
 * rather than halfway through a load.
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

function parseLine(line: string, lineNumber: number): NQuadsStatement | undefined {
  const fail = (): never => {
    throw new ValidationError(
      `N-Quads line ${lineNumber} is not a valid statement`,
      `line ${lineNumber}`,
    );
  };
  let at = skipSpace(line, 0);
  if (at >= line.length || line[at] === '#') return undefined;
  const terms: string[] = [];
  while (at < line.length && line[at] !== '.' && terms.length < 4) {
    const end = termEnd(line, at) ?? fail();
    terms.push(line.slice(at, end));
    at = skipSpace(line, end);
  }
  if (line[at] !== '.' || terms.length < 3) fail();
  const rest = line.slice(at + 1).trim();
  if (rest !== '' && !rest.startsWith('#')) fail();
  const [subject, predicate, object, graph] = terms as [string, string, string, string?];
  if (
    !isResource(subject) ||
    !predicate.startsWith('<') ||
    (graph !== undefined && !isResource(graph))
  )
    fail();
  return { triple: `${subject} ${predicate} ${object} .`, ...(graph ? { graph } : {}) };
}

function isResource(term: string): boolean {
  return term.startsWith('<') || term.startsWith('_:');
}

function skipSpace(line: string, at: number): number {
  while (at < line.length && (line[at] === ' ' || line[at] === '\t' || line[at] === '\r')) at += 1;
  return at;
}

/** Index just past the term starting at `at`, or undefined when no term starts there. */
function termEnd(line: string, at: number): number | undefined {
  const first = line[at];
  if (first === '<') return iriEnd(line, at);
  if (first === '_' && line[at + 1] === ':') {
    let end = at + 2;
    while (end < line.length && !/[\s<"]/.test(line[end]!)) end += 1;
    // A label may contain '.' but not end with one: a trailing '.' is the statement's terminator.
    while (line[end - 1] === '.') end -= 1;
    return end > at + 2 ? end : undefined;
  }
  if (first === '"') return literalEnd(line, at);
  return undefined;
}

function iriEnd(line: string, at: number): number | undefined {
  const close = line.indexOf('>', at + 1);
  return close < 0 || /[\s<"]/.test(line.slice(at + 1, close)) ? undefined : close + 1;
}

function literalEnd(line: string, at: number): number | undefined {
  let end = at + 1;
  while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
  if (end >= line.length) return undefined;
  end += 1;
  if (line.startsWith('^^', end)) return line[end + 2] === '<' ? iriEnd(line, end + 2) : undefined;
  if (line[end] === '@') {
    LANGUAGE_TAG.lastIndex = end;
    return LANGUAGE_TAG.test(line) ? LANGUAGE_TAG.lastIndex : undefined;
  }
  return end;
}
