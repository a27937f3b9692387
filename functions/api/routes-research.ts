// Primary adapter: the data scientists' routes. Research copies only (Safe Harbor: birth year or "90+",
// ZIP3, shifted dates, no names, contact details or identifiers; shared/domain/deid/structured.ts),
// made on read from the caller's own hospital partition. Guarded by the one policy ('research:read',
// data-scientist only) and audited like every other read of patient data.
import {
  listResearchPatients,
  researchPatientRecord,
} from '../../shared/domain/deid/structured-research';
import { json, pageParams, searchsetBundle } from './http';
import { guarded } from './guarded';

export const researchRoutes = {
  'GET /research/patients': guarded('research:read', async ({ deps, event, caller }) => {
    const asOf = deps.clock.now().toISOString().slice(0, 10);
    return json(
      200,
      await listResearchPatients(deps.serving, caller.hospital, pageParams(event), asOf),
    );
  }),
  'GET /research/patients/{id}/resources': guarded(
    'research:read',
    async ({ deps, params, caller }) => {
      const asOf = deps.clock.now().toISOString().slice(0, 10);
      const resources = await researchPatientRecord(
        deps.serving,
        caller.hospital,
        params.id!,
        asOf,
      );
      return searchsetBundle(resources);
    },
    { onPatient: true },
  ),
};
