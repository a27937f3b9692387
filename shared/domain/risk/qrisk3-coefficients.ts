// Domain (risk): QRISK3-2017 coefficients, transcribed from the published open-source algorithm
// (ClinRisk Ltd., QRISK3-2017, https://qrisk.org, LGPL v3: functions cvd_female_raw and cvd_male_raw).
// Copyright 2017 ClinRisk Ltd. The disclaimer that must accompany any displayed score: "the initial
// version of this algorithm faithfully implements QRISK3-2017; it is the responsibility of the end user
// to check that the source they receive produces the same results as the original code found at
// https://qrisk.org. Inaccurate implementations of risk scores can lead to wrong patients being given
// the wrong treatment." The tests beside qrisk3.ts compare against scores from the original C code.

/** Interaction terms with one of the two age fractional polynomials. */
export interface Qrisk3AgeInteractions {
  /** Smoking categories ex, light, moderate, heavy (non-smoker is the reference). */
  smoking: readonly [number, number, number, number];
  af: number;
  corticosteroids: number;
  impotence: number;
  migraine: number;
  renal: number;
  sle: number;
  treatedHypertension: number;
  type1: number;
  type2: number;
  bmi1: number;
  bmi2: number;
  familyHistory: number;
  sbp: number;
  townsend: number;
}

export interface Qrisk3Model {
  /** Baseline survival at 10 years (survivor[10] in the C source). */
  survivor10: number;
  /** Fractional-polynomial powers of age/10 for age_1 and age_2. */
  agePowers: readonly [number, number];
  /** Iethrisk[1..9]: white or not stated, Indian, Pakistani, Bangladeshi, other Asian, Black Caribbean, Black African, Chinese, other. */
  ethnicity: readonly number[];
  /** Ismoke[0..4]: non, ex, light (< 10/day), moderate (10–19), heavy (≥ 20). */
  smoking: readonly number[];
  centre: {
    age1: number;
    age2: number;
    bmi1: number;
    bmi2: number;
    ratio: number;
    sbp: number;
    sbpSd: number;
    townsend: number;
  };
  continuous: {
    age1: number;
    age2: number;
    bmi1: number;
    bmi2: number;
    ratio: number;
    sbp: number;
    sbpSd: number;
    townsend: number;
  };
  conditions: {
    af: number;
    atypicalAntipsychotic: number;
    corticosteroids: number;
    impotence: number;
    migraine: number;
    rheumatoidArthritis: number;
    renal: number;
    severeMentalIllness: number;
    sle: number;
    treatedHypertension: number;
    type1: number;
    type2: number;
    familyHistory: number;
  };
  age1: Qrisk3AgeInteractions;
  age2: Qrisk3AgeInteractions;
}

export const qrisk3Female: Qrisk3Model = {
  survivor10: 0.988876402378082,
  agePowers: [-2, 1],
  ethnicity: [
    0, 0.28040314332995425, 0.56298994142075398, 0.29590000851116516, 0.072785379877982545,
    -0.17072135508857317, -0.39371043314874971, -0.32632495283530272, -0.17127056883241784,
  ],
  smoking: [0, 0.13386833786546262, 0.56200858012438537, 0.66749593377502547, 0.84948177644830847],
  centre: {
    age1: 0.053274843841791,
    age2: 4.332503318786621,
    bmi1: 0.154946178197861,
    bmi2: 0.144462317228317,
    ratio: 3.47632646560669,
    sbp: 123.13001251220703,
    sbpSd: 9.002537727355957,
    townsend: 0.392308831214905,
  },
  continuous: {
    age1: -8.1388109247726188,
    age2: 0.79733376689699098,
    bmi1: 0.29236092275460052,
    bmi2: -4.1513300213837665,
    ratio: 0.15338035820802554,
    sbp: 0.013131488407103424,
    sbpSd: 0.0078894541014586095,
    townsend: 0.077223790588590108,
  },
  conditions: {
    af: 1.5923354969269663,
    atypicalAntipsychotic: 0.25237642070115557,
    corticosteroids: 0.59520725304601851,
    impotence: 0,
    migraine: 0.301267260870345,
    rheumatoidArthritis: 0.21364803435181942,
    renal: 0.65194569493845833,
    severeMentalIllness: 0.12555308058820178,
    sle: 0.75880938654267693,
    treatedHypertension: 0.50931593683423004,
    type1: 1.7267977510537347,
    type2: 1.0688773244615468,
    familyHistory: 0.45445319020896213,
  },
  age1: {
    smoking: [-4.7057161785851891, -2.7430383403573337, -0.86608088829392182, 0.90241562369710648],
    af: 19.938034889546561,
    corticosteroids: -0.98408045235936281,
    impotence: 0,
    migraine: 1.7634979587872999,
    renal: -3.5874047731694114,
    sle: 19.690303738638292,
    treatedHypertension: 11.872809733921812,
    type1: -1.2444332714320747,
    type2: 6.8652342000009599,
    bmi1: 23.802623412141742,
    bmi2: -71.184947692087007,
    familyHistory: 0.99467807940435127,
    sbp: 0.034131842338615485,
    townsend: -1.0301180802035639,
  },
  age2: {
    smoking: [
      -0.075589244643193026, -0.11951192874867074, -0.10366306397571923, -0.13991853591718389,
    ],
    af: -0.076182651011162505,
    corticosteroids: -0.12005364946742472,
    impotence: 0,
    migraine: -0.065586917898699859,
    renal: -0.22688873086442507,
    sle: 0.077347949679016273,
    treatedHypertension: 0.00096857823588174436,
    type1: -0.28724064624488949,
    type2: -0.097112252590695489,
    bmi1: 0.52369958933664429,
    bmi2: 0.045744190122323759,
    familyHistory: -0.076885051698423038,
    sbp: -0.0015082501423272358,
    townsend: -0.031593414674962329,
  },
};

export const qrisk3Male: Qrisk3Model = {
  survivor10: 0.977268040180206,
  agePowers: [-1, 3],
  ethnicity: [
    0, 0.27719248760308279, 0.47446360714931268, 0.52961729919689371, 0.035100159186299017,
    -0.35807899669327919, -0.4005648523216514, -0.41522792889830173, -0.26321348134749967,
  ],
  smoking: [0, 0.19128222863388983, 0.55241588192645552, 0.63835053027506072, 0.78983819881858019],
  centre: {
    age1: 0.234766781330109,
    age2: 77.284080505371094,
    bmi1: 0.149176135659218,
    bmi2: 0.141913309693336,
    ratio: 4.300998687744141,
    sbp: 128.57157897949219,
    sbpSd: 8.756621360778809,
    townsend: 0.52630490064621,
  },
  continuous: {
    age1: -17.839781666005575,
    age2: 0.0022964880605765492,
    bmi1: 2.4562776660536358,
    bmi2: -8.3011122314711354,
    ratio: 0.17340196856327111,
    sbp: 0.012910126542553305,
    sbpSd: 0.010251914291290456,
    townsend: 0.033268201277287295,
  },
  conditions: {
    af: 0.88209236928054657,
    atypicalAntipsychotic: 0.13046879855173513,
    corticosteroids: 0.45485399750445543,
    impotence: 0.22251859086705383,
    migraine: 0.25584178074159913,
    rheumatoidArthritis: 0.20970658013956567,
    renal: 0.71853261288274384,
    severeMentalIllness: 0.12133039882047164,
    sle: 0.4401572174457522,
    treatedHypertension: 0.51659871082695474,
    type1: 1.2343425521675175,
    type2: 0.85942071430932221,
    familyHistory: 0.54055469009390156,
  },
  age1: {
    smoking: [-0.21011133933516346, 0.75268676447503191, 0.99315887556405791, 2.1331163414389076],
    af: 3.4896675530623207,
    corticosteroids: 1.1708133653489108,
    impotence: -1.506400985745431,
    migraine: 2.3491159871402441,
    renal: -0.50656716327223694,
    sle: 0,
    treatedHypertension: 6.5114581098532671,
    type1: 5.3379864878006531,
    type2: 3.6461817406221311,
    bmi1: 31.004952956033886,
    bmi2: -111.29157184391643,
    familyHistory: 2.7808628508531887,
    sbp: 0.018858524469865853,
    townsend: -0.1007554870063731,
  },
  age2: {
    smoking: [
      -0.00049854870275326121, -0.00079875633317385414, -0.00083706184266251296,
      -0.00078400319155637289,
    ],
    af: -0.00034995608340636049,
    corticosteroids: -0.0002496045095297166,
    impotence: -0.0011058218441227373,
    migraine: 0.00019896446041478631,
    renal: -0.0018325930166498813,
    sle: 0,
    treatedHypertension: 0.00063838053104165013,
    type1: 0.0006409780808752897,
    type2: -0.00024695695588868315,
    bmi1: 0.0050380102356322029,
    bmi2: -0.013074483002524319,
    familyHistory: -0.00024791809907396037,
    sbp: -0.00001271874191588457,
    townsend: -0.000093299642323272888,
  },
};
