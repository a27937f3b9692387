// Tests for the patient-monitoring construct's escalation schedule: EventBridge Scheduler invokes the
// monitor function every minute with a Scheduled Event (the escalation sweep), through a role that
// may invoke that function and nothing else; the stack stays free of cdk-nag findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { escalationTickSchema } from '../../functions/monitor/make-handler';
import {
  asList,
  buildTestApp,
  only,
  statementsOfRole,
  type TemplateResource,
  type TestApp,
} from '../test-support';

describe('Construct: PatientMonitoring escalation schedule', () => {
  let built: TestApp;
  let template: Template;

  beforeAll(() => {
    // Prepare
    built = buildTestApp();
    template = Template.fromStack(built.stateless);
  });
  afterAll(() => built.cleanUp());

  const schedule = (): TemplateResource =>
    only(
      template.findResources('AWS::Scheduler::Schedule', {
        Properties: { Name: 'caregraph-alert-escalation-every-minute' },
      }),
    );
  const monitorFunctionId = (): string => {
    const ids = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: { FunctionName: 'caregraph-monitor' },
      }),
    );
    expect(ids).toHaveLength(1);
    return ids[0]!;
  };

  it('invokes the monitor function every minute, without retries (the next run catches up)', () => {
    const target = schedule().Properties.Target as Record<string, unknown>;
    expect(schedule().Properties).toMatchObject({
      ScheduleExpression: 'rate(1 minute)',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [monitorFunctionId(), 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
  });

  it('sends the Scheduled Event the monitor function parses as a sweep, timed by Scheduler', () => {
    const input = JSON.parse((schedule().Properties.Target as { Input: string }).Input) as Record<
      string,
      unknown
    >;
    expect(input).toMatchObject({
      'detail-type': 'Scheduled Event',
      time: '<aws.scheduler.scheduled-time>',
    });
    // With the placeholder replaced as Scheduler does, the handler's schema accepts it.
    expect(escalationTickSchema.safeParse({ ...input, time: '2026-03-10T09:05:00Z' }).success).toBe(
      true,
    );
  });

  it("lets the schedule's role invoke the monitor function and nothing else", () => {
    const role = (schedule().Properties.Target as { RoleArn: { 'Fn::GetAtt': [string, string] } })
      .RoleArn['Fn::GetAtt'][0];
    const statements = statementsOfRole(template, new RegExp(role));
    expect(statements).toHaveLength(1);
    expect(asList(statements[0]!.Action)).toEqual(['lambda:InvokeFunction']);
    expect(statements[0]!.Resource).toEqual({ 'Fn::GetAtt': [monitorFunctionId(), 'Arn'] });
    const assumed = template.toJSON().Resources[role] as TemplateResource;
    expect(JSON.stringify(assumed.Properties.AssumeRolePolicyDocument)).toContain(
      'scheduler.amazonaws.com',
    );
  });

  it('leaves no cdk-nag finding (AWS Solutions, HIPAA Security) in the stack', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()])
      expect(pack.validateScope(built.stateless).violations, pack.readPackName).toEqual([]);
  });
});
