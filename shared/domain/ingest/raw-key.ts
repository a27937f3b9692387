// Domain: where a raw upload sits says who sent it: raw/{hospital}/{batch}/{file}.
import { identifierPattern } from '../../config/resources';
import { ValidationError } from '../errors';

export interface RawObjectKey {
  hospital: string;
  batch: string;
  file: string;
  key: string;
}

export function parseRawKey(key: string): RawObjectKey {
  const match = /^raw\/([^/]+)\/([^/]+)\/(.+)$/.exec(key);
  if (!match)
    throw new ValidationError(`object key ${key} is not raw/{hospital}/{batch}/{file}`, 'key');
  const [, hospital, batch, file] = match as unknown as [string, string, string, string];
  if (!identifierPattern.test(hospital))
    throw new ValidationError(`hospital "${hospital}" must be a lowercase slug`, 'hospital');
  if (!identifierPattern.test(batch))
    throw new ValidationError(`batch "${batch}" must be a lowercase slug`, 'batch');
  return { hospital, batch, file, key };
}
