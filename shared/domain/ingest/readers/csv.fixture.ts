// Test fixture: a CSV extract's mapping.json (synth/fhir/csv-mapping.ts) for hospital h1, in the one
// dialect csvMappingSchema allows, for the tests that read or ingest CSV.
import type { CsvMapping } from '../../synth/fhir/csv-mapping';

/** mapping.json of hospital h1 describing `files` (RFC 4180: UTF-8, comma, CRLF, header row). */
export const csvMappingOf = (files: CsvMapping['files']): CsvMapping => ({
  version: 1,
  hospital: 'h1',
  dialect: {
    encoding: 'utf-8',
    delimiter: ',',
    quote: '"',
    lineTerminator: '\r\n',
    header: true,
    nullValue: '',
  },
  files,
});
