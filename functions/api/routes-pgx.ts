// Primary adapter: the API's pharmacogenomics route. The profile is built from the patient's stored,
// encrypted genotype calls (shared/domain/pgx/stored-profile.ts) exactly as `caregraph pgx` builds it
// from a VCF; the CPIC recommendations are those of that profile. Guarded and audited like every
// other clinical read of a patient.
import { cpicRecommendations } from '../../shared/domain/pgx/cpic-recommendations';
import { storedPgxProfile } from '../../shared/domain/pgx/stored-profile';
import { getPatient } from '../../shared/domain/serving/queries';
import { json } from './http';
import { guarded } from './guarded';

export const pgxRoutes = {
  'GET /patients/{id}/pgx': guarded(
    'patient:read-clinical',
    async ({ deps, params, caller }) => {
      await getPatient(deps.serving, caller.hospital, params.id!); // 404, not "not tested", for another hospital's patient
      const pgx = await storedPgxProfile(deps, caller.hospital, params.id!);
      return json(200, {
        patient: pgx.patient,
        genotyped: pgx.genotyped,
        genes: pgx.profile?.genes ?? [],
        notTested: pgx.notTested,
        recommendations: pgx.profile ? cpicRecommendations(pgx.profile) : [],
        warnings: pgx.warnings,
      });
    },
    { onPatient: true },
  ),
};
