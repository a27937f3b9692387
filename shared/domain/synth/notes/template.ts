// Domain (synth/notes): a tiny phrase-template language, compiled once at module load, that renders
// into a NoteBuilder. Slots call back into the caller, so entities and PHI are appended, never searched.
import type { Rng } from '../rng';
import type { NoteBuilder } from './builder';

/**
 * Syntax: `{name}` a slot the caller fills; `{a|b|}` alternatives (each itself a template, empty
 * allowed), picked uniformly among those whose slots the caller can fill (so `{ at {time}|}` makes
 * the time optional); `<full|short1|short2>` an abbreviation site; `^` capitalise the next letter
 * appended. Everything else is literal text.
 */
type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'slot'; name: string }
  | { kind: 'alt'; options: Segment[][]; needs: string[][]; conditional: boolean }
  | { kind: 'abbr'; full: string; short: string[] }
  | { kind: 'cap' };

/** A compiled template and the slots it cannot do without (so callers can skip templates they cannot fill). */
export interface Template {
  readonly segments: readonly Segment[];
  readonly slots: readonly string[];
}
/** Slot fillers; an undefined filler marks the slot as unavailable for `say`. */
export type Slots = Readonly<Record<string, ((b: NoteBuilder) => void) | undefined>>;

const slotName = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A slot filler that writes nothing: a gate. A template (or an alternative) naming `{gate}` is usable
 * only when the caller defines it (`{ adult: age >= 18 ? gate : undefined }`), so a sentence's
 * conditions live beside its other slots.
 */
export const gate = (): void => {};

/** Compiles one template; throws on unbalanced braces, so a bad phrase fails at import time. */
export function compile(source: string): Template {
  const [segments, end] = parseSequence(source, 0, false);
  if (end !== source.length)
    throw new Error(`template: unexpected '${source[end]}' in "${source}"`);
  return { segments, slots: requiredSlots(segments) };
}

/** Slots a sequence always uses: its own, and those every option of an alternative uses. */
function requiredSlots(segments: readonly Segment[]): string[] {
  const out = new Set<string>();
  for (const s of segments) {
    if (s.kind === 'slot') out.add(s.name);
    if (s.kind !== 'alt') continue;
    const [first, ...rest] = s.needs;
    for (const name of first ?? []) if (rest.every((n) => n.includes(name))) out.add(name);
  }
  return [...out];
}

/** True when `slots` has a filler for every name in `needs`. */
function canFill(slots: Slots, needs: readonly string[]): boolean {
  for (let i = 0; i < needs.length; i++) if (slots[needs[i]!] === undefined) return false;
  return true;
}

/** Compiles a bank of alternative templates for one sentence kind. */
export function bank(...sources: string[]): Template[] {
  return sources.map(compile);
}

function parseSequence(src: string, from: number, nested: boolean): [Segment[], number] {
  const out: Segment[] = [];
  let literal = '';
  let i = from;
  const flush = (): void => {
    if (literal) out.push({ kind: 'text', text: literal });
    literal = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (nested && (c === '|' || c === '}')) break;
    if (c === '{') {
      flush();
      const [segment, next] = parseBraces(src, i);
      out.push(segment);
      i = next;
    } else if (c === '<') {
      flush();
      const close = src.indexOf('>', i);
      if (close < 0) throw new Error(`template: unclosed '<' in "${src}"`);
      const [full, ...short] = src.slice(i + 1, close).split('|');
      out.push({ kind: 'abbr', full: full!, short });
      i = close + 1;
    } else if (c === '^') {
      flush();
      out.push({ kind: 'cap' });
      i++;
    } else {
      literal += c;
      i++;
    }
  }
  flush();
  return [out, i];
}

function parseBraces(src: string, open: number): [Segment, number] {
  const close = src.indexOf('}', open);
  const inner = close > 0 ? src.slice(open + 1, close) : '';
  if (slotName.test(inner)) return [{ kind: 'slot', name: inner }, close + 1];
  const options: Segment[][] = [];
  let i = open + 1;
  for (;;) {
    const [option, next] = parseSequence(src, i, true);
    options.push(option);
    if (src[next] === '}') {
      const needs = options.map(requiredSlots);
      const conditional = needs.some((n) => n.length > 0);
      return [{ kind: 'alt', options, needs, conditional }, next + 1];
    }
    if (src[next] !== '|') throw new Error(`template: unclosed '{' in "${src}"`);
    i = next + 1;
  }
}

/** Renders `template` into `b`; every slot it names must be in `slots`. */
export function render(b: NoteBuilder, template: Template, rng: Rng, slots: Slots = {}): void {
  renderSegments(b, template.segments, rng, slots);
}

function renderSegments(
  b: NoteBuilder,
  segments: readonly Segment[],
  rng: Rng,
  slots: Slots,
): void {
  for (const segment of segments) {
    switch (segment.kind) {
      case 'text':
        b.text(segment.text);
        break;
      case 'slot': {
        const fill = slots[segment.name];
        if (!fill) throw new Error(`template: no filler for slot {${segment.name}}`);
        fill(b);
        break;
      }
      case 'alt':
        renderSegments(b, pickOption(segment, rng, slots), rng, slots);
        break;
      case 'abbr':
        b.text(b.abbreviate(segment.full, segment.short));
        break;
      case 'cap':
        b.capitalise();
        break;
    }
  }
}

function pickOption(alt: Extract<Segment, { kind: 'alt' }>, rng: Rng, slots: Slots): Segment[] {
  if (!alt.conditional) return rng.pick(alt.options);
  const i = pickUsable(alt.needs, rng, slots);
  if (i < 0) throw new Error('template: no alternative can be filled');
  return alt.options[i]!;
}

/**
 * Indices of the usable options of the pick in progress. Shared: a pick reads it before rendering
 * its choice, which may start nested picks.
 */
const usableScratch: number[] = [];

/**
 * Index of one of `needs` that `slots` can fill, uniformly among those, or -1 when none can (and
 * then nothing is drawn). The same single draw as `rng.pick` of the usable ones, without building
 * that list: this runs for nearly every sentence of every note.
 */
function pickUsable(needs: readonly (readonly string[])[], rng: Rng, slots: Slots): number {
  let usable = 0;
  for (let i = 0; i < needs.length; i++) if (canFill(slots, needs[i]!)) usableScratch[usable++] = i;
  return usable === 0 ? -1 : usableScratch[Math.floor(rng.next() * usable)]!;
}

/**
 * Picks one of `templates` whose slots are all in `slots` and renders it; a missing filler is how a
 * caller says "this sentence kind does not apply" (no past history, no date...).
 */
export function say(
  b: NoteBuilder,
  templates: readonly Template[],
  rng: Rng,
  slots: Slots = {},
): void {
  let usable = 0;
  for (let i = 0; i < templates.length; i++)
    if (canFill(slots, templates[i]!.slots)) usableScratch[usable++] = i;
  if (usable === 0) throw new Error('template: no usable template for the given slots');
  render(b, templates[usableScratch[Math.floor(rng.next() * usable)]!]!, rng, slots);
}

/** Up to `count` distinct templates of `templates` that `slots` can fill, in random order. */
export function chooseDistinct(
  templates: readonly Template[],
  rng: Rng,
  slots: Slots,
  count: number,
): Template[] {
  const usable = templates.filter((t) => canFill(slots, t.slots));
  for (let i = usable.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [usable[i], usable[j]] = [usable[j]!, usable[i]!];
  }
  return usable.slice(0, count);
}
