import { describe, expect, it } from 'vitest';
import { ingestStatus, maxReportErrors, ReportBuilder } from './report';

const base = {
  file: 'Patient.ndjson',
  batch: 'b20240301',
  hospital: 'riverside',
  key: 'raw/riverside/b20240301/Patient.ndjson',
  startedAt: '2024-03-01T09:00:00.000Z',
};

describe('Function: ingestStatus', () => {
  it.each([
    [3, 0, 'accepted'],
    [3, 1, 'partial'],
    [0, 2, 'rejected'],
    [0, 0, 'rejected'],
  ] as const)('with %i accepted and %i rejected records is %s', (accepted, rejected, status) => {
    // Act
    const result = ingestStatus(accepted, rejected);

    // Assess
    expect(result).toBe(status);
  });
});

describe('Class: ReportBuilder', () => {
  it('counts accepted records per resource type and lists each rejection with line, path and reason', () => {
    // Prepare
    const builder = new ReportBuilder();

    // Act
    builder.accept('Patient');
    builder.accept('Observation');
    builder.accept('Observation');
    builder.reject({
      file: base.file,
      line: 4,
      path: 'status',
      reason: 'Observation.status: must be one of final',
    });
    builder.reject({ file: base.file, line: 7, reason: 'not valid JSON' });
    const report = builder.build(base, '2024-03-01T09:00:05.000Z');

    // Assess
    expect(report).toEqual({
      ...base,
      status: 'partial',
      records: { accepted: 3, repaired: 0, rejected: 2 },
      byType: { Patient: 1, Observation: 2 },
      byReason: { 'Observation.status: must be one of final': 1, 'not valid JSON': 1 },
      repairs: {},
      warnings: {},
      errors: [
        { line: 4, path: 'status', reason: 'Observation.status: must be one of final' },
        { line: 7, reason: 'not valid JSON' },
      ],
      errorsOmitted: 0,
      finishedAt: '2024-03-01T09:00:05.000Z',
    });
  });

  it(`keeps at most ${maxReportErrors} errors inline and counts the rest as omitted`, () => {
    // Prepare
    const builder = new ReportBuilder();

    // Act
    for (let line = 1; line <= maxReportErrors + 5; line++) {
      builder.reject({ file: base.file, line, reason: 'not valid JSON' });
    }
    const report = builder.build(base, '2024-03-01T09:00:05.000Z');

    // Assess
    expect(report.records.rejected).toBe(maxReportErrors + 5);
    expect(report.errors).toHaveLength(maxReportErrors);
    expect(report.errors.at(-1)?.line).toBe(maxReportErrors);
    expect(report.errorsOmitted).toBe(5);
  });

  it('rejects an empty file with a reason instead of reporting silent success', () => {
    // Prepare
    const builder = new ReportBuilder();

    // Act
    const report = builder.build(base, '2024-03-01T09:00:01.000Z');

    // Assess
    expect(report.status).toBe('rejected');
    expect(report.records).toEqual({ accepted: 0, repaired: 0, rejected: 0 });
    expect(report.errors).toEqual([{ line: 0, reason: 'the file holds no records' }]);
  });

  it('carries the quarantine key when records were quarantined', () => {
    // Prepare
    const builder = new ReportBuilder();
    builder.reject({ file: base.file, line: 1, reason: 'not valid JSON' });

    // Act
    const report = builder.build(
      { ...base, quarantineKey: 'quarantine/riverside/b20240301/Patient.ndjson.ndjson' },
      '2024-03-01T09:00:01.000Z',
    );

    // Assess
    expect(report.status).toBe('rejected');
    expect(report.quarantineKey).toBe('quarantine/riverside/b20240301/Patient.ndjson.ndjson');
  });
});
