// Primary adapter: the API's routes, each a few lines from HTTP to a use case and back.
import type { Table } from '../../shared/ports/table';
import type { ObjectStore } from '../../shared/ports/object-store';
import { batchSummary } from '../../shared/domain/ingest/batches';
import { getPatient, listObservations, listPatients } from '../../shared/domain/serving/queries';
import { ForbiddenError } from '../../shared/domain/errors';
import { callerOf, json, pageParams, type ApiEvent, type ApiResult, type Caller } from './http';

export interface ApiDeps {
  serving: Table;
  objects: ObjectStore;
}

type Route = (deps: ApiDeps, event: ApiEvent, params: Record<string, string>) => Promise<ApiResult>;

/** A patient-role caller may read only their own record. */
function patientScope(caller: Caller, patientId: string): void {
  if (caller.role === 'patient' && caller.patient !== patientId)
    throw new ForbiddenError('patients may read only their own record');
}

export const routes: Record<string, Route> = {
  'GET /health': async () => json(200, { status: 'ok' }),
  'GET /patients': async (deps, event) => {
    const caller = callerOf(event);
    if (caller.role === 'patient') throw new ForbiddenError('patients cannot list patients');
    return json(200, await listPatients(deps.serving, caller.hospital, pageParams(event)));
  },
  'GET /patients/{id}': async (deps, event, params) => {
    const caller = callerOf(event);
    patientScope(caller, params.id!);
    return json(200, await getPatient(deps.serving, caller.hospital, params.id!));
  },
  'GET /patients/{id}/observations': async (deps, event, params) => {
    const caller = callerOf(event);
    patientScope(caller, params.id!);
    await getPatient(deps.serving, caller.hospital, params.id!); // 404 for unknown patients, not an empty list
    return json(
      200,
      await listObservations(deps.serving, caller.hospital, params.id!, pageParams(event)),
    );
  },
  'GET /ingest/batches/{id}': async (deps, event, params) => {
    const caller = callerOf(event);
    if (caller.role === 'patient') throw new ForbiddenError('patients cannot read ingest reports');
    return json(200, await batchSummary(deps.objects, caller.hospital, params.id!));
  },
};
