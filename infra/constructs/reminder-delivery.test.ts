// Tests for the reminder-delivery construct's schedules: the every-minute tick and the daily rolling
// re-plan each receive the Scheduled Event their handler parses; the re-plan function may read and
// write the serving table (never scan, delete, update or publish) and has 15 minutes, as the
// embedded stack gives it; its alarms watch the metrics the handler emits; the stack stays nag-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Context } from 'aws-lambda';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { reminderTickSchema } from '../../functions/reminders/scheduler-event';
import { makeReplanHandler } from '../../functions/reminders/make-replan-handler';
import { schedulerEvent } from '../../local/aws-events';
import type { AppConfig } from '../../shared/config/config';
import { envNames } from '../../shared/config/config';
import { buildObservability } from '../../shared/adapters/observability';
import { InMemoryTable } from '../../shared/domain/monitoring/in-memory-table.fixture';
import { replanFunctionTimeoutMs } from '../../shared/domain/reminders/replan-active';
import { fixedClock } from '../../shared/ports/clock';
import {
  asList,
  buildTestApp,
  only,
  statementsOfRole,
  type TemplateResource,
  type TestApp,
} from '../test-support';

describe('Construct: ReminderDelivery schedules', () => {
  let built: TestApp;
  let template: Template;

  beforeAll(() => {
    built = buildTestApp();
    template = Template.fromStack(built.stateless);
  });
  afterAll(() => built.cleanUp());

  const schedule = (name: string): TemplateResource =>
    only(template.findResources('AWS::Scheduler::Schedule', { Properties: { Name: name } }));
  const functionId = (name: string): string =>
    Object.keys(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: name } }),
    )[0]!;
  const input = (name: string) =>
    JSON.parse((schedule(name).Properties.Target as { Input: string }).Input) as Record<
      string,
      unknown
    >;

  it('re-plans every patient once a day, with retries (the re-plan is idempotent)', () => {
    const daily = schedule('caregraph-reminders-daily-replan');
    expect(daily.Properties).toMatchObject({
      ScheduleExpression: 'cron(15 2 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
    });
    const target = daily.Properties.Target as Record<string, unknown>;
    expect(target.Arn).toEqual({
      'Fn::GetAtt': [functionId('caregraph-reminders-replan'), 'Arn'],
    });
    expect(target.RetryPolicy).toEqual({
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
    });
  });

  it.each(['caregraph-reminders-daily-replan', 'caregraph-reminders-every-minute'])(
    '%s sends the Scheduled Event its handler parses, timed by Scheduler',
    (name) => {
      const event = input(name);
      expect(event).toMatchObject({ time: '<aws.scheduler.scheduled-time>' });
      expect(reminderTickSchema.safeParse({ ...event, time: '2026-03-10T02:15:00Z' }).success).toBe(
        true,
      );
    },
  );

  it('lets the re-plan function query and write the serving table itself, and nothing destructive', () => {
    const roleId = (
      only(
        template.findResources('AWS::Lambda::Function', {
          Properties: { FunctionName: 'caregraph-reminders-replan' },
        }),
      ).Properties.Role as { 'Fn::GetAtt': [string, string] }
    )['Fn::GetAtt'][0];
    const statements = statementsOfRole(template, new RegExp(roleId));
    const actions = statements.flatMap((s) => asList(s.Action));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']),
    );
    for (const forbidden of [
      'dynamodb:Scan',
      'dynamodb:DeleteItem',
      'dynamodb:UpdateItem',
      'sns:Publish',
    ])
      expect(actions).not.toContain(forbidden);
    const query = statements.find((s) => asList(s.Action).includes('dynamodb:Query'));
    expect(JSON.stringify(query?.Resource)).not.toMatch(/index/);
  });

  it('gives the re-plan function the 15 minutes the embedded stack gives its run', () => {
    const fn = only(
      template.findResources('AWS::Lambda::Function', {
        Properties: { FunctionName: 'caregraph-reminders-replan' },
      }),
    );
    expect(fn.Properties.Timeout).toBe(replanFunctionTimeoutMs / 1000);
    expect(replanFunctionTimeoutMs).toBe(900_000);
  });

  it('alarms the operators on the re-plan metrics the handler emits: patients not reached or failed', async () => {
    // Prepare: the handler as deployed (its service name from the function's environment), with the
    // metrics it publishes captured
    const variables = (
      only(
        template.findResources('AWS::Lambda::Function', {
          Properties: { FunctionName: 'caregraph-reminders-replan' },
        }),
      ).Properties.Environment as { Variables: Record<string, string> }
    ).Variables;
    const observability = buildObservability(
      {
        mode: 'aws',
        logLevel: 'SILENT',
        serviceName: variables[envNames.serviceName],
      } as AppConfig,
      'reminders-replan',
    );
    const published: Record<string, unknown>[] = [];
    observability.metrics.publishStoredMetrics = function (this: typeof observability.metrics) {
      published.push(this.serializeMetrics() as unknown as Record<string, unknown>);
      this.clearMetrics();
      return this;
    };
    const handler = makeReplanHandler(
      {
        serving: new InMemoryTable(),
        clock: fixedClock('2026-03-11T02:15:00Z'),
        defaultTimeZone: 'UTC',
      },
      observability,
    );

    // Act
    await handler(
      schedulerEvent('caregraph-reminders-daily-replan', new Date('2026-03-11T02:15:00Z')),
      {
        functionName: 'caregraph-reminders-replan',
      } as Context,
    );

    // Assess: each alarm watches a metric of that output (namespace, name and every dimension)
    const emf = published[0] as {
      _aws: {
        CloudWatchMetrics: {
          Namespace: string;
          Dimensions: string[][];
          Metrics: { Name: string }[];
        }[];
      };
    } & Record<string, unknown>;
    const [directive] = emf._aws.CloudWatchMetrics;
    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: { AlarmActions: [{ Ref: Match.stringLikeRegexp('^OperatorAlerts') }] },
    });
    for (const [name, metric] of [
      ['caregraph-reminders-replan-not-reached', 'RemindersReplanNotReached'],
      ['caregraph-reminders-replan-failed', 'RemindersReplanFailed'],
    ]) {
      const alarm = Object.values(alarms).find((a) => a.Properties.AlarmName === name);
      expect(alarm, name).toBeDefined();
      expect(alarm!.Properties).toMatchObject({
        MetricName: metric,
        Namespace: directive!.Namespace,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
      expect(directive!.Metrics.map((m) => m.Name)).toContain(metric);
      expect(alarm!.Properties.Dimensions).toEqual(
        directive!.Dimensions[0]!.map((dimension) => ({ Name: dimension, Value: emf[dimension] })),
      );
    }
  });

  it('leaves no cdk-nag finding (AWS Solutions, HIPAA Security) in the stack', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()])
      expect(pack.validateScope(built.stateless).violations, pack.readPackName).toEqual([]);
  });
});
