// Domain (synth/state): the 2013 ACC/AHA Pooled Cohort Equations, the base of the generator's
// cardiovascular outcome model. One implementation: shared/domain/risk/pooled-cohort.ts.
export { pceTerms, pooledCohortRisk, type PceInputs } from '../../risk/pooled-cohort';
