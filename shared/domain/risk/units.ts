// Domain (risk): conversions from the common alternative units hospitals report into the canonical
// UCUM units the scores compute in. Each factor cites its basis.

/** mg/dL per mmol/L of cholesterol (molar mass 386.65 g/mol; NCEP ATP III conversion 38.67). */
export const cholesterolMgdlPerMmol = 38.67;
/** µmol/L per mg/dL of creatinine (molar mass 113.12 g/mol; KDIGO 2012 uses 88.4). */
export const creatinineUmolPerMgdl = 88.4;
/** kg per avoirdupois pound (international yard and pound agreement, 1959). */
export const kgPerPound = 0.45359237;
/** cm per inch (international yard and pound agreement, 1959). */
export const cmPerInch = 2.54;

/** Alternatives for a cholesterol field in mg/dL. */
export const cholesterolUnits = {
  'mmol/L': (mmol: number) => mmol * cholesterolMgdlPerMmol,
} as const;

/** Alternatives for a creatinine field in mg/dL. */
export const creatinineUnits = {
  'umol/L': (umol: number) => umol / creatinineUmolPerMgdl,
  'mmol/L': (mmol: number) => (mmol * 1000) / creatinineUmolPerMgdl,
  // 1 dL = 0.1 L (UCUM), so mg/L ÷ 10 = mg/dL (e.g. 30 mg/L = 3.0 mg/dL ≈ 265 µmol/L).
  'mg/L': (mgPerL: number) => mgPerL / 10,
} as const;

/** Alternatives for a temperature field in Cel. */
export const temperatureUnits = {
  '[degF]': (f: number) => ((f - 32) * 5) / 9,
  degF: (f: number) => ((f - 32) * 5) / 9,
  '°F': (f: number) => ((f - 32) * 5) / 9,
  '°C': (c: number) => c,
} as const;

/** Alternatives for a weight field in kg. */
export const weightUnits = {
  '[lb_av]': (lb: number) => lb * kgPerPound,
  lb: (lb: number) => lb * kgPerPound,
  g: (g: number) => g / 1000,
} as const;

/** Alternatives for a length (height, waist circumference) in cm. */
export const heightUnits = {
  m: (m: number) => m * 100,
  '[in_i]': (inch: number) => inch * cmPerInch,
  in: (inch: number) => inch * cmPerInch,
} as const;

/** Alternatives for a pressure field in mm[Hg]. */
export const pressureUnits = { mmHg: (v: number) => v } as const;

/** Alternatives for a rate field in /min (UCUM annotations such as {beats}/min compare equal). */
export const rateUnits = {
  'beats/min': (v: number) => v,
  'breaths/min': (v: number) => v,
} as const;

/** Alternatives for a BMI field in kg/m2. */
export const bmiUnits = { 'kg/m^2': (v: number) => v, 'kg/m²': (v: number) => v } as const;
