// Unit: the features job's arguments, index date and exit message (training/features-job.ts); the
// job against real servers is test/features-job.int.test.ts.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/domain/errors';
import { exitMessage, indexDate, parseFeaturesJobArgs, progressLogger } from './features-job';

describe('parseFeaturesJobArgs', () => {
  it('reads the hospitals list and the training step', () => {
    expect(parseFeaturesJobArgs(['--hospitals', 'north, south-2'])).toEqual({
      hospitals: ['north', 'south-2'],
    });
    expect(
      parseFeaturesJobArgs([
        ...['--training-hospital', 'north', '--derive', 'hard-ascvd'],
        ...['--horizon-days', '730', '--key', 'features/training/cvd-risk.csv'],
      ]),
    ).toEqual({
      hospitals: [],
      training: {
        hospital: 'north',
        horizonDays: 730,
        tables: [
          { outcome: 'hard-ascvd', key: 'features/training/cvd-risk.csv', label: 'outcome' },
        ],
      },
    });
  });

  it('reads several tables of one hospital, in order, each with its outcome, key and label', () => {
    expect(
      parseFeaturesJobArgs([
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/training/cvd-risk.csv'],
        ...['--table', 'label=t2d,outcome=incident-t2d,key=features/training/t2d-risk.csv'],
      ]),
    ).toEqual({
      hospitals: [],
      training: {
        hospital: 'north',
        horizonDays: 730,
        tables: [
          { outcome: 'hard-ascvd', key: 'features/training/cvd-risk.csv', label: 'outcome' },
          { outcome: 'incident-t2d', key: 'features/training/t2d-risk.csv', label: 't2d' },
        ],
      },
    });
  });

  it.each([
    [[], /nothing to do/],
    [['--hospitals', 'north,north'], /names a hospital twice/],
    [['--hospitals', 'North'], /"North" is not a hospital slug/],
    [['--hospitals', 'north', '--derive', 'hard-ascvd'], /--derive goes with --training-hospital/],
    [
      ['--training-hospital', 'north', '--horizon-days', '730', '--derive', 'readmission'],
      /--derive must be one of: hard-ascvd/,
    ],
    [
      ['--training-hospital', 'north', '--derive', 'hard-ascvd', '--horizon-days', '1.5'],
      /--horizon-days must be a whole number/,
    ],
    [
      ['--training-hospital', 'north', '--derive', 'hard-ascvd', '--horizon-days', '365'],
      /--key is required/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--derive', 'hard-ascvd', '--horizon-days', '365'],
        ...['--key', 'features/t.csv', '--label', 'bad label'],
      ],
      /--label: "bad label" is not a column name/,
    ],
    [['--hospital', 'north'], /Unknown option '--hospital'/],
    [['--hospitals', 'north', '--table', 'outcome=hard-ascvd'], /--table goes with/],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730', '--table'],
        'key=features/t.csv',
      ],
      /--table 1: outcome must be one of: hard-ascvd, incident-t2d/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/a.csv'],
        ...['--table', 'outcome=incident-t2d'],
      ],
      /--table 2: key is required/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/a.csv,label=1st'],
      ],
      /--table 1: label: "1st" is not a column name/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/a.csv,outcome=incident-t2d'],
      ],
      /--table 1: "outcome=incident-t2d" is not one of outcome=, key=, label= \(each once\)/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/a.csv,horizon=365'],
      ],
      /--table 1: "horizon=365" is not one of/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/a.csv'],
        ...['--table', 'outcome=incident-t2d,key=features/a.csv'],
      ],
      /two tables are written at features\/a.csv/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730', '--derive', 'hard-ascvd'],
        ...['--table', 'outcome=incident-t2d,key=features/a.csv'],
      ],
      /--derive is the one-table form/,
    ],
    [
      [
        ...['--training-hospital', 'north', '--horizon-days', '730', '--derive', 'constructor'],
        ...['--key', 'features/a.csv'],
      ],
      /--derive must be one of/,
    ],
  ])('refuses %j', (argv, message) => {
    expect(() => parseFeaturesJobArgs(argv)).toThrow(ValidationError);
    expect(() => parseFeaturesJobArgs(argv)).toThrow(message);
  });
});

describe('indexDate', () => {
  it('is the start of the UTC day the horizon before today', () => {
    // 2024 is a leap year: 730 days before 2024-12-31 is 2023-01-01.
    expect(indexDate(new Date('2024-12-31T23:59:59Z'), 730).toISOString()).toBe(
      '2023-01-01T00:00:00.000Z',
    );
    expect(indexDate(new Date('2025-03-01T00:00:00Z'), 365).toISOString()).toBe(
      '2024-03-01T00:00:00.000Z',
    );
  });
});

describe('exitMessage', () => {
  it('lists the failures and stays within the 1 KB SageMaker keeps', () => {
    expect(exitMessage({ code: 0, failures: [] })).toBe('every step succeeded\n');
    const long = exitMessage({
      code: 1,
      failures: Array.from({ length: 40 }, (_, i) => `step ${i}: ${'é'.repeat(20)}`),
    });
    expect(long.startsWith('40 step(s) failed:\nstep 0: ')).toBe(true);
    expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(1024);
  });
});

describe('progressLogger', () => {
  it('reports every 1,000 patients once, though the build repeats its last count at the end', () => {
    const reported: number[] = [];
    const progress = progressLogger((n) => reported.push(n));
    for (const n of [100, 900, 1000, 1100, 2000, 2000, 2050, 2050]) progress(n);
    expect(reported).toEqual([1000, 2000]);
  });
});
