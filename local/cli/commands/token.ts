// `caregraph token --role ROLE --hospital H [--patient P] [--ttl 1h]`: a JWT from the running embedded
// stack's local issuer (development only; on AWS, identities come from Cognito).
import { DependencyError, ValidationError } from '../../../shared/domain/errors';
import { out, parseFlags, requireFlag, type Command } from '../io';
import { findStack } from '../stack-client';

export const tokenCommand: Command = {
  name: 'token',
  summary: "print a bearer token for the running stack's API (development only)",
  usage:
    'Usage: caregraph token --role clinician|patient|hospital-uploader|data-scientist|admin --hospital H [--patient P] [--ttl 1h] [--endpoint URL]',
  async run(argv) {
    const { values } = parseFlags(argv, {
      role: { type: 'string' },
      hospital: { type: 'string' },
      patient: { type: 'string' },
      ttl: { type: 'string' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const stack = await findStack(values.endpoint, values['data-dir']);
    const body = {
      role: requireFlag(values.role, 'role'),
      hospital: requireFlag(values.hospital, 'hospital'),
      patient: values.patient,
      ttl: values.ttl,
    };
    const response = await fetch(new URL('/_local/token', stack.api), {
      method: 'POST',
      body: JSON.stringify(body),
    }).catch((error: unknown) => {
      throw new DependencyError(
        `the stack at ${stack.api} does not answer; is "caregraph start" running?`,
        { cause: error },
      );
    });
    const answer = (await response.json()) as { token?: string; detail?: string; path?: string };
    if (!response.ok || !answer.token)
      throw new ValidationError(
        `${answer.path ? `--${answer.path}: ` : ''}${answer.detail ?? `HTTP ${response.status}`}`,
      );
    out.result(answer.token);
    return 0;
  },
};
