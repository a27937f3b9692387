// Benchmark: one reminder minute-tick over a large population on the embedded DynamoDB (dynalite):
// time per tick, index items read per tick, deliveries/s; and whether a tick's cost depends on the
// population (it should not: the byDueMinute index holds only what is due, read by query).
//
// Population: ctx.size patients (default 20,000), two medications each (one once daily around 08:00,
// one twice daily around 08:00 and 20:00, each patient's times spread +-60 min), one day planned
// through expandDosage and reminderTasks. Two fixed "probe" minutes hold exactly `probe` reminders
// each; the first is ticked at half the population, the second at the full population.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { startStack } from '../local/stack';
import type { Notification, Notifier, QueryInput, QueryPage, Table } from '../shared/ports';
import { expandDosage } from '../shared/domain/reminders/expand-dosage';
import { reminderTasks } from '../shared/domain/reminders/schedule-reminders';
import { deliverDue, type DeliveryReport } from '../shared/domain/reminders/deliver-due';
import {
  catchUpMinutes,
  reminderShards,
  type ReminderTask,
} from '../shared/domain/reminders/delivery-keys';
import type { BenchContext, BenchResult } from './suites';

const day = '2026-03-02';
const tz = 'Europe/London';
const probe = 500;
/** Above this population the benchmark ticks only the peak hour's first minute. */
const peakHourLimit = 100_000;

/** Counts what a tick reads from the table. */
class CountingTable implements Table {
  queries = 0;
  itemsRead = 0;
  constructor(private readonly inner: Table) {}
  get = (pk: string, sk: string) => this.inner.get(pk, sk);
  put = (item: Record<string, unknown>) => this.inner.put(item);
  putIfAbsent = (item: Record<string, unknown>) => this.inner.putIfAbsent(item);
  putMany = (items: Record<string, unknown>[]) => this.inner.putMany(items);
  async query(input: QueryInput): Promise<QueryPage> {
    const page = await this.inner.query(input);
    this.queries++;
    this.itemsRead += page.items.length;
    return page;
  }
}

/** Counts sends in memory: the benchmark measures the table, not a notification service. */
class CountingNotifier implements Notifier {
  sent = 0;
  async send(_n: Notification): Promise<void> {
    this.sent++;
  }
}

function order(id: string, times: string[]): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/bench' },
    medicationCodeableConcept: { text: 'bench medication' },
    authoredOn: '2026-01-01',
    dosageInstruction: [
      {
        timing: {
          repeat: { frequency: times.length, period: 1, periodUnit: 'd', timeOfDay: times },
        },
      },
    ],
  };
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;

/** One patient's day of reminders: times spread deterministically by index around 08:00 and 20:00. */
function patientTasks(index: number, at?: string[]): ReminderTask[] {
  const spread = ((index * 7919) % 121) - 60;
  const orders = at
    ? [order(`probe-${index}`, at)]
    : [
        order(`a-${index}`, [hhmm(480 + spread)]),
        order(`b-${index}`, [hhmm(480 - spread), hhmm(1200 + spread)]),
      ];
  const window = { tz, from: new Date(`${day}T00:00:00Z`), to: new Date(`${day}T23:59:00Z`) };
  const doses = orders.flatMap((o) => expandDosage(o, window).occurrences);
  return reminderTasks({ hospital: 'bench', patient: `p${index}`, tz, doses });
}

async function load(
  table: Table,
  from: number,
  to: number,
  ctx: BenchContext,
  at?: string[],
): Promise<number> {
  let stored = 0;
  for (let start = from; start < to; start += 2000) {
    const tasks: ReminderTask[] = [];
    for (let i = start; i < Math.min(to, start + 2000); i++) tasks.push(...patientTasks(i, at));
    await table.putMany(tasks as unknown as Record<string, unknown>[]);
    stored += tasks.length;
    if (!at && (start - from) % 20_000 === 0)
      ctx.progress(`  loaded patients ${start}-${Math.min(to, start + 2000)}`);
  }
  return stored;
}

async function tick(table: CountingTable, notifier: CountingNotifier, at: string) {
  table.queries = 0;
  table.itemsRead = 0;
  const sentBefore = notifier.sent;
  const start = process.hrtime.bigint();
  const report: DeliveryReport = await deliverDue({ serving: table, notifier }, new Date(at));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    ms,
    report,
    queries: table.queries,
    itemsRead: table.itemsRead,
    sent: notifier.sent - sentBefore,
  };
}

export async function remindersBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const patients = ctx.size ?? 20_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-reminders-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR', autoIngest: false });
  try {
    const table = new CountingTable(stack.deps.serving);
    const notifier = new CountingNotifier();
    // Probe reminders: `probe` patients at 03:00 and another `probe` at 05:00 (GMT on 2 March), far
    // enough apart that the 05:00 tick does not also meet the 03:00 reminders' escalation checks (04:00).
    await load(table, patients, patients + probe, ctx, ['03:00:00']);
    await load(table, patients + probe, patients + 2 * probe, ctx, ['05:00:00']);
    const loadStart = process.hrtime.bigint();
    let stored = await load(table, 0, Math.floor(patients / 2), ctx);
    const atHalf = await tick(table, notifier, `${day}T03:00:00Z`);
    stored += await load(table, Math.floor(patients / 2), patients, ctx);
    const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9 - atHalf.ms / 1000;
    ctx.progress(`  stored ${stored} reminders in ${loadSeconds.toFixed(1)} s`);
    const atFull = await tick(table, notifier, `${day}T05:00:00Z`);
    // The morning peak hour, one tick a minute as EventBridge Scheduler would fire them. Above
    // `peakHourLimit` patients it is skipped: the hour would deliver about a million reminders through
    // one dynalite, and at 1,000,000 patients (3,000,000 stored reminders) even its first tick (~16,500
    // deliveries) did not finish in 40 minutes while dynalite's LevelDB grew past 38 GB.
    const hour = [];
    for (let m = 0; patients <= peakHourLimit && m <= 60; m++)
      hour.push(
        await tick(
          table,
          notifier,
          `${day}T07:${String(m).padStart(2, '0')}:00Z`.replace('T07:60', 'T08:00'),
        ),
      );
    const empty = await tick(table, notifier, `${day}T13:00:00Z`);
    return {
      metrics: {
        patients,
        medicationsPerPatient: 2,
        remindersStored: stored + 2 * probe,
        loadSeconds: round(loadSeconds),
        loadItemsPerSecond: Math.round(stored / loadSeconds),
        shards: reminderShards,
        catchUpMinutes,
        queriesPerTick: atFull.queries,
        probeDue: probe,
        probeTickMsAtHalfPopulation: round(atHalf.ms),
        probeTickMsAtFullPopulation: round(atFull.ms),
        probeItemsReadAtHalfPopulation: atHalf.itemsRead,
        probeItemsReadAtFullPopulation: atFull.itemsRead,
        probeDeliveriesPerSecond: Math.round(atFull.sent / (atFull.ms / 1000)),
        ...(hour.length ? await peakHourMetrics(hour, table, notifier) : {}),
        emptyTickMs: round(empty.ms),
        emptyTickItemsRead: empty.itemsRead,
      },
      notes: [
        `One tick = ${reminderShards} shards x ${catchUpMinutes + 1} minute buckets of queries on the byDueMinute index; no scans.`,
        'A delivery = 1 conditional claim + 3 puts (escalation check, SENT, task leaves the index); the notifier is an in-memory counter.',
        'dynalite (LevelDB, one process) on this machine, sharing 2 cores; DynamoDB latencies and limits differ.',
        'Compare the probe ticks: the same number due at half and at full population.',
        ...(patients > peakHourLimit
          ? [`Above ${peakHourLimit} patients the peak hour is skipped; only the probe ticks run.`]
          : []),
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Tick = Awaited<ReturnType<typeof tick>>;

/** The peak hour's figures, then a repeated 08:00 tick (the schedule firing twice delivers nothing). */
async function peakHourMetrics(hour: Tick[], table: CountingTable, notifier: CountingNotifier) {
  const peak = hour.reduce((a, b) => (b.sent > a.sent ? b : a));
  const hourMs = hour.reduce((sum, t) => sum + t.ms, 0);
  const hourSent = hour.reduce((sum, t) => sum + t.sent, 0);
  const repeat = await tick(table, notifier, `${day}T08:00:00Z`);
  return {
    peakHourTicks: hour.length,
    peakHourDelivered: hourSent,
    peakHourMeanTickMs: round(hourMs / hour.length),
    peakHourMaxTickMs: round(Math.max(...hour.map((t) => t.ms))),
    peakHourDeliveriesPerSecond: Math.round(hourSent / (hourMs / 1000)),
    busiestMinuteDelivered: peak.sent,
    busiestMinuteTickMs: round(peak.ms),
    repeatTickDelivered: repeat.sent,
    repeatTickItemsRead: repeat.itemsRead,
  };
}

function round(n: number): number {
  return Number(n.toFixed(1));
}

export type { ReminderTask };
