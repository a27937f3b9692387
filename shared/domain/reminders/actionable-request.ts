// Domain (reminders, adherence): whether a MedicationRequest asks for the medication to be taken,
// so that it may get dose and refill reminders and count as a medication the patient is on.
//
// FHIR R4 (4.0.1) MedicationRequest, both modifier elements:
// - doNotPerform: "If true indicates that the provider is asking for the medication request not to
//   occur" (a "do not give warfarin" order is never a reminder to take warfarin).
// - intent (http://hl7.org/fhir/ValueSet/medicationrequest-intent, hl7.org/fhir/R4/valueset-
//   medicationrequest-intent.html): proposal ("a suggestion ... without providing an authorization
//   to act"), plan ("an intention to ensure something occurs without providing an authorization for
//   others to act"), option ("a component or option for a RequestGroup that establishes timing,
//   conditionality and/or other constraints among a set of requests"), and the order codes: order
//   ("a request/demand and authorization for action") and its kinds original-order, reflex-order,
//   filler-order and instance-order.
//
// Project decision: only the order codes are acted on. A `plan` is left out as well: it authorises
// no dispense and, from a hospital, is typically a care-plan intention (start X if Y) rather than
// medication the patient has; reminding a patient to take an unauthorised drug is the worse error
// than missing a reminder, and the request is reported (notScheduled) with this reason, not hidden.
import type { MedicationRequest } from '@medplum/fhirtypes';

/** The MedicationRequest.intent codes that authorise the medication to be given (FHIR R4). */
export const actionableIntents: ReadonlySet<string> = new Set([
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
]);

/**
 * Why a MedicationRequest does not ask for its medication to be taken (doNotPerform, or an intent
 * that is not an order), as `{ path, reason }`; undefined when it does. Status is not judged here.
 */
export function notActionable(
  request: Pick<MedicationRequest, 'doNotPerform' | 'intent'> | Record<string, unknown>,
): { path: string; reason: string } | undefined {
  if (request.doNotPerform === true)
    return {
      path: 'doNotPerform',
      reason: 'doNotPerform is true: the order asks for the medication NOT to be given',
    };
  const intent = typeof request.intent === 'string' ? request.intent : undefined;
  if (!intent || !actionableIntents.has(intent))
    return {
      path: 'intent',
      reason:
        `intent is ${intent ?? 'missing'}, not an order (order, original-order, reflex-order, ` +
        'filler-order, instance-order): no authorization to give the medication',
    };
  return undefined;
}
