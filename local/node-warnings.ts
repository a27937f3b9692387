// The AWS SDK announces its future Node 22 requirement on every run; the deploy target is nodejs22.x
// already, so here that notice is noise. Every other warning still prints. (local/cli/caregraph.mjs
// does the same before the TypeScript loader is registered, so it keeps its own copy.)
export function muteSdkNodeVersionNotice(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning'))
      process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
}
