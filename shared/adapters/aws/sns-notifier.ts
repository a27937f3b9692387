// Secondary adapter (AWS): Notifier over an SNS FIFO-compatible topic; the dedupe key becomes the deduplication id.
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notification, Notifier } from '../../ports/notifier';
import { ConfigurationError } from '../../domain/errors';

export class SnsNotifier implements Notifier {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string | undefined,
  ) {}

  async send(notification: Notification): Promise<void> {
    if (!this.topicArn) throw new ConfigurationError('CAREGRAPH_NOTIFY_TOPIC_ARN is not set');
    const fifo = this.topicArn.endsWith('.fifo');
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: notification.subject.slice(0, 100),
        Message: notification.message,
        MessageAttributes: Object.fromEntries(
          Object.entries({ channel: notification.channel, ...notification.attributes }).map(
            ([k, v]) => [k, { DataType: 'String', StringValue: v }],
          ),
        ),
        ...(fifo
          ? { MessageDeduplicationId: notification.dedupeKey, MessageGroupId: notification.channel }
          : {}),
      }),
    );
  }
}
