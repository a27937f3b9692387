// Vitest setup: drop the AWS SDK's Node 22 notice (deploy target is nodejs22.x); keep other warnings.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning'))
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
