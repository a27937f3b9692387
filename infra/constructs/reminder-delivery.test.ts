// Tests for the reminder-delivery construct's schedules: the every-minute tick and the daily rolling
// re-plan each receive the Scheduled Event their handler parses; the re-plan function may read and
// write the serving table (never scan, delete, update or publish); the stack stays nag-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { reminderTickSchema } from '../../functions/reminders/scheduler-event';
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

  it('leaves no cdk-nag finding (AWS Solutions, HIPAA Security) in the stack', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()])
      expect(pack.validateScope(built.stateless).violations, pack.readPackName).toEqual([]);
  });
});
