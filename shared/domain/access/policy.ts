// Domain (access): the one authorisation policy. Every API route asks `authorize` before it touches
// data; no handler decides access on its own. Tenancy is not a rule here but a property of the keys:
// every read is made under the caller's own hospital partition, so another hospital's records are
// simply not found (404), never "forbidden" (403 would confirm they exist).
import { ForbiddenError, NotFoundError } from '../errors';

/** Roles a token may carry (Cognito group / `custom:role`). */
export const roles = [
  'clinician',
  'patient',
  'hospital-uploader',
  'data-scientist',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** What a caller wants to do, in the domain's words. */
export const actions = [
  'patients:list',
  'patient:read',
  'patient:read-clinical',
  'patient:report-outcome',
  'recommendation:decide',
  'alert:acknowledge',
  'reminder:acknowledge',
  'ingest:read-report',
  'upload:create',
  'research:read',
  'audit:read',
  'knowledge:read',
  'model:describe',
] as const;
export type Action = (typeof actions)[number];

/** The verified identity behind a request (from the JWT the API Gateway authorizer checked). */
export interface Principal {
  subject: string;
  hospital: string;
  role: Role;
  /** Pseudonymous patient id of a patient-role caller: the only record they may see. */
  patient?: string;
}

/**
 * Which roles may perform each action. Patients act only on their own record (checked below);
 * data scientists see only de-identified research data; uploaders only create uploads and read
 * their ingest reports; admins read the audit trail and ingest reports of their own hospital but
 * not clinical records (least privilege: administration needs no clinical data).
 */
const allowed: Readonly<Record<Action, readonly Role[]>> = {
  'patients:list': ['clinician'],
  'patient:read': ['clinician', 'patient'],
  'patient:read-clinical': ['clinician', 'patient'],
  'patient:report-outcome': ['clinician', 'patient'],
  'recommendation:decide': ['clinician'],
  'alert:acknowledge': ['clinician'],
  'reminder:acknowledge': ['clinician', 'patient'],
  'ingest:read-report': ['hospital-uploader', 'admin'],
  'upload:create': ['hospital-uploader'],
  'research:read': ['data-scientist'],
  'audit:read': ['admin'],
  // Public medical knowledge (seed and literature graphs): no patient data.
  'knowledge:read': ['clinician', 'patient', 'data-scientist', 'admin', 'hospital-uploader'],
  // What a served model is and its card (data, metrics, subgroups, intended use): no patient data,
  // for whoever reads its predictions or studies it.
  'model:describe': ['clinician', 'patient', 'data-scientist'],
};

/** Optional target of an action: a patient of the caller's hospital. */
export interface Target {
  patient?: string;
}

/**
 * Decide whether `principal` may perform `action` on `target`. Throws ForbiddenError when the role
 * may never do this, and NotFoundError when a patient-role caller names another patient's record
 * (indistinguishable from a record that does not exist). Returns the purpose-of-use the audit
 * trail records for the access (HL7 v3 PurposeOfUse: TREAT, PATRQT, HRESCH, HOPERAT).
 */
export function authorize(principal: Principal, action: Action, target: Target = {}): PurposeOfUse {
  if (!allowed[action].includes(principal.role))
    throw new ForbiddenError(`role ${principal.role} may not ${action.replace(':', ' ')}`);
  if (principal.role === 'patient' && target.patient !== undefined) {
    if (!principal.patient || principal.patient !== target.patient)
      throw new NotFoundError('no such patient');
  }
  return purposeOf(principal.role);
}

/** HL7 v3 ActReason PurposeOfUse codes (terminology.hl7.org, v3-PurposeOfUse). */
export type PurposeOfUse = 'TREAT' | 'PATRQT' | 'HRESCH' | 'HOPERAT';

function purposeOf(role: Role): PurposeOfUse {
  switch (role) {
    case 'clinician':
      return 'TREAT';
    case 'patient':
      return 'PATRQT';
    case 'data-scientist':
      return 'HRESCH';
    default:
      return 'HOPERAT';
  }
}

/** True when `value` names a known role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
