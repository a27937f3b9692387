// A small built-in sample hospital export for `demo` and first `start`: FHIR R4 Bulk NDJSON Patients
// and vital-sign Observations (LOINC codes, UCUM units), deterministic for a seed. Two lines are
// deliberately bad so the demo shows quarantine at work. The synthetic-cohort generator replaces it.

export interface SampleFile {
  hospital: string;
  name: string;
  content: string;
}

/** mulberry32: a tiny deterministic PRNG, so the same seed gives the same bytes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const given = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Farid',
  'Grace',
  'Hugo',
  'Iris',
  'Jon',
  'Kemi',
  'Liam',
];
const family = ['Okafor', 'Smith', 'Garcia', 'Nguyen', 'Patel', 'Kowalski', 'Haddad', 'Larsen'];

const loinc = (code: string, display: string) => ({
  coding: [{ system: 'http://loinc.org', code, display }],
  text: display,
});
const vitalSigns = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
    ],
  },
];
const qty = (value: number, unit: string) => ({
  value,
  unit,
  system: 'http://unitsofmeasure.org',
  code: unit,
});

function patient(id: string, rnd: () => number, child: boolean) {
  const age = child ? 2 + Math.floor(rnd() * 15) : 25 + Math.floor(rnd() * 60);
  const year = 2026 - age;
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        system: 'urn:oid:1.2.36.146.595.217.0.1',
        value: `MRN${100000 + Math.floor(rnd() * 899999)}`,
      },
    ],
    name: [
      {
        family: family[Math.floor(rnd() * family.length)],
        given: [given[Math.floor(rnd() * given.length)]],
      },
    ],
    gender: rnd() < 0.5 ? 'female' : 'male',
    birthDate: `${year}-${month}-${day}`,
    address: [
      {
        line: [`${1 + Math.floor(rnd() * 200)} Elm Street`],
        city: 'Springfield',
        postalCode: '02139',
      },
    ],
  };
}

function vitals(patientId: string, visit: number, rnd: () => number, child: boolean) {
  const when = `2026-0${3 + visit}-1${Math.floor(rnd() * 9)}T09:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00Z`;
  const base = {
    status: 'final',
    category: vitalSigns,
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: when,
  };
  const sys = Math.round((child ? 100 : 118) + rnd() * 40);
  return [
    {
      resourceType: 'Observation',
      id: `${patientId}-bp-${visit}`,
      ...base,
      code: loinc('85354-9', 'Blood pressure panel'),
      component: [
        { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: qty(sys, 'mm[Hg]') },
        {
          code: loinc('8462-4', 'Diastolic blood pressure'),
          valueQuantity: qty(Math.round(sys * 0.62 + rnd() * 8), 'mm[Hg]'),
        },
      ],
    },
    {
      resourceType: 'Observation',
      id: `${patientId}-hr-${visit}`,
      ...base,
      code: loinc('8867-4', 'Heart rate'),
      valueQuantity: qty(Math.round(60 + rnd() * 35), '/min'),
    },
    {
      resourceType: 'Observation',
      id: `${patientId}-wt-${visit}`,
      ...base,
      code: loinc('29463-7', 'Body weight'),
      valueQuantity: qty(Math.round((child ? 15 + rnd() * 40 : 55 + rnd() * 50) * 10) / 10, 'kg'),
    },
  ];
}

/** The sample export: one NDJSON file per hospital, with `patients` adults (and a quarter as many children elsewhere). */
export function sampleHospitalFiles(patients = 20, seed = 42): SampleFile[] {
  const rnd = seededRandom(seed);
  const files: SampleFile[] = [];
  for (const [hospital, count, child] of [
    ['demo-general', patients, false],
    ['demo-childrens', Math.max(1, Math.floor(patients / 4)), true],
  ] as const) {
    const lines: string[] = [];
    for (let i = 1; i <= count; i++) {
      const id = `${hospital === 'demo-general' ? 'g' : 'c'}${String(i).padStart(4, '0')}`;
      lines.push(JSON.stringify(patient(id, rnd, child)));
      for (let visit = 0; visit < 3; visit++)
        for (const o of vitals(id, visit, rnd, child)) lines.push(JSON.stringify(o));
    }
    if (hospital === 'demo-general') {
      // Deliberately bad records, to show quarantine: a truncated line and an Observation with no subject.
      lines.splice(5, 0, '{"resourceType":"Observation","id":"cut-off","status":"fin');
      lines.push(
        JSON.stringify({
          resourceType: 'Observation',
          id: 'no-subject',
          status: 'final',
          code: loinc('8867-4', 'Heart rate'),
          valueQuantity: qty(72, '/min'),
        }),
      );
    }
    files.push({ hospital, name: `${hospital}-export.ndjson`, content: lines.join('\n') + '\n' });
  }
  return files;
}
