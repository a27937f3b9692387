// Domain (synth/defects): the defects that break a line as bytes rather than as FHIR: a line cut
// mid-JSON, and text that is not valid UTF-8 (Latin-1 bytes, or a lone UTF-16 surrogate).
import type { Rng } from '../rng';

/**
 * The line cut somewhere between 20 % of its length and its last character. A proper prefix of a
 * JSON object never parses: the object's closing brace is its last character.
 */
export function truncateLine(line: string, rng: Rng): { line: string; detail: string } {
  const keep = rng.int(Math.max(1, Math.floor(line.length * 0.2)), line.length - 1);
  return {
    line: line.slice(0, keep),
    detail: `line cut after ${keep} of ${line.length} characters`,
  };
}

/** Characters beyond Latin-1 (ISO-8859-1), which a Latin-1 exporter cannot write. */
const beyondLatin1 = /[\u0100-\uffff]/;
const nonAscii = /[\u0080-\u00ff]/;

/**
 * The line as bytes that are not valid UTF-8. A line with accented Latin-1 characters (`°C`,
 * `Hernández`, `µmol/L`) is written whole in Latin-1, as a Windows-1252 exporter would; any other
 * line gets a lone high surrogate (U+D83D, half an emoji) in a text value, encoded as its three
 * WTF-8 bytes ED A0 BD, which strict UTF-8 decoders reject. Undefined when neither applies.
 */
export function misencodeLine(line: string): { bytes: Uint8Array; detail: string } | undefined {
  if (nonAscii.test(line) && !beyondLatin1.test(line)) {
    const bytes = Buffer.from(line, 'latin1');
    const at = bytes.findIndex((byte) => byte >= 0x80);
    return {
      bytes,
      detail: `line written in Latin-1: byte 0x${bytes[at]!.toString(16)} at offset ${at} is not UTF-8`,
    };
  }
  const text = /"(?:text|display|family|description)":"[^"\\]*/.exec(line);
  if (!text) return undefined;
  const cut = text.index + text[0].length;
  const prefix = Buffer.from(line.slice(0, cut), 'utf8');
  const bytes = Buffer.concat([
    prefix,
    Buffer.from([0xed, 0xa0, 0xbd]),
    Buffer.from(line.slice(cut), 'utf8'),
  ]);
  return { bytes, detail: `lone surrogate U+D83D as bytes ED A0 BD at offset ${prefix.length}` };
}
