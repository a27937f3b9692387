import { describe, expect, it } from 'vitest';
import { meshDiseaseBranchNames, meshDiseaseBranches } from './mesh-disease-branches';

describe('Function: meshDiseaseBranches', () => {
  it("gives a descriptor's disease-tree branches, every one for a descriptor in several trees", () => {
    expect(meshDiseaseBranches('D006973')).toEqual(['C14']); // Hypertension
    expect(meshDiseaseBranches('D003920')).toEqual(['C18', 'C19']); // Diabetes Mellitus
    expect(meshDiseaseBranches('D003866')).toEqual(['F03']); // Depressive Disorder
    expect(meshDiseaseBranches('D009369')).toEqual(['C04']); // Neoplasms
  });

  it('gives no branch to a descriptor outside the disease trees or unknown', () => {
    expect(meshDiseaseBranches('D000082')).toEqual([]); // Acetaminophen (a chemical)
    expect(meshDiseaseBranches('not-an-id')).toEqual([]);
  });

  it('names every branch it uses', () => {
    expect(Object.keys(meshDiseaseBranchNames)).toHaveLength(27);
    expect(meshDiseaseBranchNames.C10).toBe('Nervous System Diseases');
  });
});
