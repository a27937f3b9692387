import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalEventBus, type EventHandler } from './event-bus';

const rule = {
  name: 'caregraph-local-note-curated',
  source: 'caregraph.ingest',
  detailType: 'NoteCurated',
};
const noteEvent = (n: number) => ({
  source: rule.source,
  detailType: rule.detailType,
  detail: { hospital: 'h1', note: `note-${n}` },
});

describe('Class: LocalEventBus', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'caregraph-bus-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes on the next start the events a stop left queued, each once', async () => {
    // Prepare: a rule whose first batch is held until the stop has begun
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((r) => (started = r));
    const slow: EventHandler = async (event) => {
      started();
      await gate;
      seen.push(String(event.detail.note));
    };
    const bus = new LocalEventBus(dir);
    bus.addRule({ ...rule, handler: slow });
    await bus.publish(Array.from({ length: 25 }, (_, i) => noteEvent(i)));
    await inFlight;

    // Act: stop without finishing, then start again on the same data directory
    const waitingAtStop = bus.waitingCount;
    const closing = bus.close({ finish: false });
    release();
    await closing;
    const again: string[] = [];
    const next = new LocalEventBus(dir);
    next.addRule({
      ...rule,
      handler: async (event) => void again.push(String(event.detail.note)),
    });
    const replayed = next.replay();
    await next.idle();

    // Assess: the batch in flight (10 events) finished; the other 15 came back, none twice
    expect(waitingAtStop).toBe(15);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `note-${i}`));
    expect(replayed).toEqual({ [rule.name]: 15 });
    expect(again).toEqual(Array.from({ length: 15 }, (_, i) => `note-${i + 10}`));
    const third = new LocalEventBus(dir);
    third.addRule({ ...rule, handler: async () => undefined });
    expect(third.replay()).toEqual({});
  });

  it('reports each failed invocation to onHandlerError and delivers the event again', async () => {
    // Prepare: a target that fails the first time it sees an event
    const failures: [string, string][] = [];
    const handled: string[] = [];
    let calls = 0;
    const bus = new LocalEventBus(dir, {
      onHandlerError: (name, error) => failures.push([name, (error as Error).name]),
    });
    bus.addRule({
      ...rule,
      handler: async (event) => {
        if (calls++ === 0) throw new TypeError('first delivery fails');
        handled.push(String(event.detail.note));
      },
    });

    // Act
    await bus.publish([noteEvent(1)]);
    await bus.idle();

    // Assess
    expect(failures).toEqual([[rule.name, 'TypeError']]);
    expect(handled).toEqual(['note-1']);
  });
});
