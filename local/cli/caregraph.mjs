#!/usr/bin/env node
// The `caregraph` command. Registers the TypeScript loader (tsx) and runs the CLI; no build step needed.
import { register } from 'tsx/esm/api';

// The AWS SDK announces its future Node 22 requirement on every run; the deploy target is nodejs22.x
// already, so that notice is noise here. Every other warning still prints.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning'))
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
