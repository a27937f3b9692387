// The entry of a benchmark's child process (started with child_process.fork): take one request from
// the parent, run it, reply with the outcome and disconnect; a failure is reported on stderr with the
// exit code 1. Started without an IPC channel it says who starts it and exits with 2.
export function answerParentOnce<Request, Outcome>(
  entry: { name: string; startedBy: string; failure: string },
  run: (request: Request) => Promise<Outcome>,
): void {
  if (!process.send) {
    process.stderr.write(`${entry.name} is started by ${entry.startedBy} (fork)\n`);
    process.exit(2);
  }
  process.once('message', (message) => {
    void run(message as Request).then(
      (outcome) => process.send!(outcome, () => process.disconnect()),
      (error: unknown) => {
        process.stderr.write(`${entry.failure}: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}
