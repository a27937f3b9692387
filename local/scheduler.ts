// The embedded stack's EventBridge Scheduler: every minute (or a given period), invoke each registered
// scheduled handler with the Scheduler event shape and a Lambda context with its function's timeout
// left. Handlers must tolerate duplicate firings, as on AWS.
import type { Context, ScheduledEvent } from 'aws-lambda';
import { lambdaContext, schedulerEvent } from './aws-events';

export type ScheduledHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export interface Schedule {
  name: string;
  handler: ScheduledHandler;
  /**
   * Fire once a day, on the tick at this UTC time (`HH:MM`), like a `cron(m h * * ? *)` schedule;
   * default: every tick.
   */
  dailyAtUtc?: string;
  /**
   * The time the handler's context starts with (getRemainingTimeInMillis): the Lambda timeout of the
   * function the schedule invokes on AWS (infra/constructs); default 60,000 ms.
   */
  timeoutMs?: number;
}

export class LocalScheduler {
  private timer?: NodeJS.Timeout;
  private running = new Set<Promise<unknown>>();
  readonly failures: { schedule: string; at: string; error: string }[] = [];

  constructor(
    readonly schedules: readonly Schedule[],
    private readonly periodMs = 60_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.timer) return;
    // Align to the start of the next period, as rate(1 minute) schedules fire on the minute.
    const delay = this.periodMs - (this.now().getTime() % this.periodMs);
    this.timer = setTimeout(() => {
      void this.tick();
      this.timer = setInterval(() => void this.tick(), this.periodMs);
    }, delay);
  }

  /** Fire every schedule once, now. Returns when all handlers finished. */
  async tick(): Promise<void> {
    const at = this.now();
    const minute = at.toISOString().slice(11, 16);
    const due = this.schedules.filter((s) => s.dailyAtUtc === undefined || s.dailyAtUtc === minute);
    await Promise.all(due.map((s) => this.fire(s, at)));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.running]);
  }

  private async fire(schedule: Schedule, at: Date): Promise<void> {
    const run = schedule.handler(
      schedulerEvent(schedule.name, at),
      lambdaContext(schedule.name, schedule.timeoutMs ?? 60_000),
    );
    this.running.add(run);
    try {
      await run;
    } catch (error) {
      this.failures.push({
        schedule: schedule.name,
        at: at.toISOString(),
        error: (error as Error).name,
      });
    } finally {
      this.running.delete(run);
    }
  }
}
