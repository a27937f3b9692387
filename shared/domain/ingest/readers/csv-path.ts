// Domain (ingest/readers): the element-path grammar of CSV-MAPPING.md (`a.b[0].c`, `telecom[system=phone]`):
// compile a path once per mapping, write values into a resource, then compact the arrays it left holey.

/** One step of a compiled path: an element name, optionally an array index or a `key=value` selector. */
export type PathSegment =
  { name: string } | { name: string; index: number } | { name: string; key: string; value: string };

const segmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?$/;

/** Compile `path`; throws an Error naming the bad segment (mapping errors are configuration, not data). */
export function compilePath(path: string): PathSegment[] {
  return splitOutsideBrackets(path).map((text) => {
    const match = segmentPattern.exec(text);
    if (!match) throw new Error(`bad path segment "${text}" in "${path}"`);
    const [, name, selector] = match as unknown as [string, string, string | undefined];
    if (selector === undefined) return { name };
    if (/^\d+$/.test(selector)) return { name, index: Number(selector) };
    const eq = selector.indexOf('=');
    if (eq <= 0) throw new Error(`bad selector "[${selector}]" in "${path}"`);
    return { name, key: selector.slice(0, eq), value: selector.slice(eq + 1) };
  });
}

/** The path of the sibling `system` element (`code.coding[0].code` -> `code.coding[0].system`). */
export function siblingSystemPath(segments: PathSegment[]): PathSegment[] {
  return [...segments.slice(0, -1), { name: 'system' }];
}

function splitOutsideBrackets(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of path) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

type Json = Record<string, unknown>;

/** Write `value` at `segments` under `target`, creating objects and array items as needed. */
export function writeAtPath(target: Json, segments: PathSegment[], value: unknown): void {
  let node = target;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if ('index' in segment || 'key' in segment) {
      const array = Array.isArray(node[segment.name]) ? (node[segment.name] as unknown[]) : [];
      node[segment.name] = array;
      const at = 'index' in segment ? segment.index : selectedIndex(array, segment);
      if (last) array[at] = value;
      else node = objectAt(array, at);
    } else if (last) node[segment.name] = value;
    else node = objectIn(node, segment.name);
  });
}

function selectedIndex(array: unknown[], segment: { key: string; value: string }): number {
  const found = array.findIndex(
    (item) => isObject(item) && String(item[segment.key]) === segment.value,
  );
  if (found !== -1) return found;
  array.push({ [segment.key]: segment.value });
  return array.length - 1;
}

function objectAt(array: unknown[], at: number): Json {
  const item = array[at];
  if (isObject(item)) return item;
  const created: Json = {};
  array[at] = created;
  return created;
}

function objectIn(node: Json, name: string): Json {
  const child = node[name];
  if (isObject(child)) return child;
  const created: Json = {};
  node[name] = created;
  return created;
}

/** Remove array holes left by indices never written (`given[1]` without `given[0]`), recursively. */
export function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter(() => true).map(compactArrays);
  if (!isObject(value)) return value;
  for (const key of Object.keys(value)) value[key] = compactArrays(value[key]);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
