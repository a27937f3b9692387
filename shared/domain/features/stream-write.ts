// Domain (features): writing lines into a streaming upload's body. Under backpressure a writer waits
// for 'drain'; but an upload that fails stops reading its body, and then no 'drain' ever comes, so
// the wait is also for the upload: its failure ends the wait with its error.
import type { Writable } from 'node:stream';

/** Write `text`; when the stream's buffer is full, wait until it drains or `upload` fails. */
export async function writeOrWait(
  stream: Writable,
  text: string,
  upload: Promise<unknown>,
): Promise<void> {
  if (stream.write(text)) return;
  await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), upload]);
}

/** An upload promise that is awaited later: handled now, so a failure meanwhile is not unhandled. */
export function awaitedLater<T>(upload: Promise<T>): Promise<T> {
  upload.catch(() => undefined);
  return upload;
}
