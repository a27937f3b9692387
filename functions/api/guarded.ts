// API building block: what every route gets (ApiDeps, RouteContext) and `guarded`, the wrapper that
// asks the policy module, audits the request (allowed, denied or failed) and then runs the route.
// Route modules (routes.ts, routes-pgx.ts, routes-research.ts) import it from here, so none of them
// depends on another's load order.
import type { Table } from '../../shared/ports/table';
import type { ObjectStore } from '../../shared/ports/object-store';
import type { Clock } from '../../shared/ports/clock';
import type { GraphStore } from '../../shared/ports/graph-store';
import type { KeyRing } from '../../shared/ports/key-ring';
import type { EventBus } from '../../shared/ports/event-bus';
import type { Predictor } from '../../shared/ports/predictor';
import { authorize, type Action } from '../../shared/domain/access/policy';
import { auditEntry, auditedPatient, recordAudit } from '../../shared/domain/access/audit';
import { asCaregraphError } from '../../shared/domain/errors';
import { callerOf, type ApiEvent, type ApiResult, type Caller } from './http';

export interface ApiDeps {
  serving: Table;
  objects: ObjectStore;
  /** The append-only audit trail: every guarded request appends one record. */
  audit: Table;
  clock: Clock;
  /** The knowledge graph (public named graphs only are read by the /kg routes). */
  graph: GraphStore;
  /** The hospital key ring: decrypts stored genotypes (envelope encryption) for PGx reads. */
  keys: KeyRing;
  /** Domain events: a patient-reported outcome announces PatientDataUpdated, as ingest does. */
  events?: EventBus;
  /** Model predictions: the inference port and the models it may invoke (none configured: empty). */
  predictions: { predictor: Predictor; models: ReadonlyMap<string, string> };
}

export interface RouteContext {
  deps: ApiDeps;
  event: ApiEvent;
  params: Record<string, string>;
  caller: Caller;
}

export type Route = (
  deps: ApiDeps,
  event: ApiEvent,
  params: Record<string, string>,
) => Promise<ApiResult>;

/**
 * A route that performs `action`, on the patient named by the `{id}` path parameter when
 * `onPatient` is set. Denials and failures are audited too: an audit trail that records only
 * successes cannot show an attack.
 */
export function guarded(
  action: Action,
  run: (ctx: RouteContext) => Promise<ApiResult>,
  { onPatient = false } = {},
): Route {
  return async (deps, event, params) => {
    const caller = callerOf(event);
    const patient = onPatient ? params.id : undefined;
    const entry = {
      ...auditEntry(
        caller,
        action,
        event.routeKey,
        event.requestContext.requestId,
        deps.clock.now(),
      ),
      ...auditedPatient(patient),
    };
    let result: ApiResult;
    try {
      const purpose = authorize(caller, action, patient ? { patient } : {});
      result = await run({ deps, event, params, caller });
      await recordAudit(deps.audit, {
        ...entry,
        purpose,
        outcome: 'allowed',
        status: result.statusCode ?? 200,
      });
      return result;
    } catch (error) {
      const status = asCaregraphError(error).status;
      const outcome = status === 401 || status === 403 ? 'denied' : 'failed';
      await recordAudit(deps.audit, { ...entry, outcome, status });
      throw error;
    }
  };
}
