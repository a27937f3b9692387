// Tests (monitoring): the report reads the patient's age from the Patient among the resources, so the
// `caregraph monitor --bundle` path applies the same paediatric limits as the alert pipeline.
import { describe, expect, it } from 'vitest';
import { news2Scorer } from './news2-scorer';
import { vital } from './observations.fixture';
import { monitoringReport } from './report';

const now = Date.parse('2026-03-10T12:00:00Z');
const resources = (birthDate: string) => [
  { resourceType: 'Patient', id: 'p1', birthDate },
  vital('rr', '2026-03-10T10:00:00Z', '9279-1', 30, '/min'),
  vital('hr', '2026-03-10T10:00:00Z', '8867-4', 130, '/min'),
];

describe('Function: monitoringReport', () => {
  it('scores NEWS2 for an adult and not for a 3-year-old with the same vital signs', () => {
    // Act
    const adult = monitoringReport(resources('1970-01-01'), { now, news2: news2Scorer });
    const toddler = monitoringReport(resources('2023-01-01'), { now, news2: news2Scorer });
    // Assess
    expect(adult.alerts.map((a) => `${a.rule} ${a.severity}`)).toEqual(['news2 urgent']);
    expect(toddler.evaluated).not.toContain('news2');
    expect(toddler.alerts).toEqual([]);
  });
});
