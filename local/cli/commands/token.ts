// `caregraph token --role ROLE --hospital H [--patient P] [--ttl 1h]`: a JWT from the running embedded
// stack's local issuer (development only; on AWS, identities come from Cognito).
import { out, parseFlags, requireFlag, type Command } from '../io';
import { findStack, localToken } from '../stack-client';

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
    out.result(await localToken(stack, body));
    return 0;
  },
};
