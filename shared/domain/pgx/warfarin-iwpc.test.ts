// Tests (pgx): the IWPC pharmacogenetic warfarin equation against doses worked by hand from the
// published coefficients (Klein et al. NEJM 2009, Supplementary Appendix).
import { describe, expect, it } from 'vitest';
import { cpicRecommendations } from './cpic-recommendations';
import { genomeGenotypes } from './genotypes.testkit';
import { pgxProfile } from './profile';
import { iwpcWeeklyDose, type IwpcInputs } from './warfarin-iwpc';

const base: IwpcInputs = {
  ageYears: 60,
  heightCm: 170,
  weightKg: 70,
  vkorc1: 'A/G',
  cyp2c9: '*1/*3',
  race: 'white',
  enzymeInducer: false,
  amiodarone: false,
};

describe('Function: iwpcWeeklyDose', () => {
  it('gives 21.23 mg/week for a 60-year-old, 170 cm, 70 kg, VKORC1 A/G, CYP2C9 *1/*3 patient', () => {
    // By hand: 5.6044 - 0.2614*6 + 0.0087*170 + 0.0128*70 - 0.8677 - 0.9357 = 4.6076; squared 21.23.
    expect(iwpcWeeklyDose(base)).toBeCloseTo(21.23, 2);
  });

  it('gives 47.44 mg/week for a 50-year-old, 180 cm, 80 kg, VKORC1 G/G, CYP2C9 *1/*1 patient', () => {
    // By hand: 5.6044 - 1.307 + 1.566 + 1.024 = 6.8874; squared 47.436.
    const dose = iwpcWeeklyDose({
      ...base,
      ageYears: 50,
      heightCm: 180,
      weightKg: 80,
      vkorc1: 'G/G',
      cyp2c9: '*1/*1',
    });
    expect(dose).toBeCloseTo(47.436, 2);
  });

  it('adds the Asian, amiodarone and enzyme-inducer terms', () => {
    // 4.6076 - 0.1092 - 0.5503 + 1.1816 = 5.1297; squared 26.314.
    const dose = iwpcWeeklyDose({ ...base, race: 'asian', amiodarone: true, enzymeInducer: true });
    expect(dose).toBeCloseTo(26.314, 2);
  });

  it('counts age in whole decades (69 years is decade 6, like 60)', () => {
    expect(iwpcWeeklyDose({ ...base, ageYears: 69 })).toBeCloseTo(iwpcWeeklyDose(base), 10);
    expect(iwpcWeeklyDose({ ...base, ageYears: 70 })).toBeLessThan(iwpcWeeklyDose(base));
  });

  it('lowers the dose for each worse CYP2C9 and VKORC1 genotype', () => {
    const doses = (['*1/*1', '*1/*2', '*1/*3', '*2/*2', '*2/*3', '*3/*3'] as const).map((cyp2c9) =>
      iwpcWeeklyDose({ ...base, cyp2c9 }),
    );
    expect(doses).toEqual([...doses].sort((a, b) => b - a));
  });

  it('names the field that is out of range', () => {
    expect(() => iwpcWeeklyDose({ ...base, weightKg: 5 })).toThrow(
      /weightKg must be a number from 20 to 300/,
    );
    expect(() => iwpcWeeklyDose({ ...base, ageYears: Number.NaN })).toThrow(/ageYears/);
  });
});

describe('Function: warfarinRecommendation (CYP4F2)', () => {
  it('says CYP4F2 was not assessed and what CPIC 2017 Figure 2 advises for *3 carriers', () => {
    // Prepare
    const profile = pgxProfile(genomeGenotypes({ CYP2C9: ['*1', '*3'] }));
    // Act
    const warfarin = cpicRecommendations(profile, ['warfarin'])[0]!;
    // Assess
    expect(warfarin.text).toContain(
      'CYP4F2 was not assessed: for patients not of African ancestry, CPIC 2017 (Figure 2) advises an optional 5-10% increase of the calculated dose for CYP4F2*3 (rs2108622) carriers.',
    );
    expect(warfarin.kind).toBe('dose');
  });
});
