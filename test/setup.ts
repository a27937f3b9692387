// Vitest setup: drop the AWS SDK's Node 22 notice (deploy target is nodejs22.x); keep other warnings.
import { muteSdkNodeVersionNotice } from '../local/node-warnings';

muteSdkNodeVersionNotice();
