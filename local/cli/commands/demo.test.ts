// Unit tests (CLI demo): the summary says where the quarantined lines it leaves out can be read.
import { describe, expect, it } from 'vitest';
import { render } from './demo';

const summary = {
  files: [
    {
      file: 'Observation.ndjson',
      hospital: 'demo-general',
      status: 'partial',
      records: { accepted: 95, rejected: 5 },
      errors: [1, 2, 3, 4, 5].map((line) => ({ line, reason: 'not valid JSON' })),
    },
  ],
  records: { accepted: 95, repaired: 0, quarantined: 5 },
  served: [{ hospital: 'demo-general', patients: 10, observationsOfFirstPatient: 4 }],
  endpoints: { api: 'http://127.0.0.1:1' },
  urls: [],
  seconds: 1,
};

describe('Function: render (demo summary)', () => {
  it('says that --keep keeps the reports the demo otherwise removes', () => {
    expect(render(summary)).toContain(
      "    ... 2 more (--json prints them; the ingest reports are removed with the demo's data: run with --keep to keep the reports)",
    );
  });

  it('points to the kept data directory with --keep', () => {
    expect(render(summary, '/tmp/caregraph-demo-x')).toContain(
      "    ... 2 more in the file's ingest report (the data is kept in /tmp/caregraph-demo-x)",
    );
  });
});
