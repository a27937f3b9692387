// CLI: where `--patient ID` is read from (risk, predict, recommend, monitor): the hospital, and the
// running stack. Kept apart from stack-client.ts so a command loads the AWS SDK only when it calls
// the stack.
import { identifierPattern } from '../../shared/config/resources';
import { ValidationError } from '../../shared/domain/errors';

export function checkSlug(value: string, flag: string): string {
  if (!identifierPattern.test(value))
    throw new ValidationError(`--${flag} "${value}" must be a lowercase slug (a-z, 0-9, -)`);
  return value;
}

/**
 * The flags that say where `--patient ID` is read from: the hospital (the clinician token's), and the
 * stack (`--endpoint URL`, else `--data-dir`'s stack.json). risk, predict, recommend and monitor
 * take them alike.
 */
export const storedPatientFlags = {
  hospital: { type: 'string' },
  endpoint: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export interface StoredPatientSource {
  hospital: string;
  endpoint?: string;
  dataDir?: string;
}

/** Where `--patient` is read from, from the flags of `storedPatientFlags`; the hospital a slug. */
export function storedPatientSource(values: {
  hospital?: string;
  endpoint?: string;
  'data-dir'?: string;
}): StoredPatientSource {
  return {
    hospital: checkSlug(values.hospital ?? 'demo-general', 'hospital'),
    ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
  };
}
