// Stateful construct: the ECR repository of the training/serving image (training/Dockerfile).
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface ModelRepositoryProps {
  prefix: string;
  key: kms.IKey;
}

/** The repository's name: the stateless stack finds it by name, like buckets and tables. */
export const modelRepositoryName = (prefix: string): string => `${prefix}-models`;

/** Images kept at most; an endpoint scaling out pulls its image again, so do not go too low. */
export const keptImages = 30;

/**
 * One repository for the GPU image SageMaker runs as `train` and `serve`. Tags are immutable, so
 * a model's `image:tag` always means the bytes it was validated with; every push is scanned;
 * layers are encrypted with the data key; untagged layers (failed pushes) expire after a day and
 * only the newest {@link keptImages} images are kept.
 */
export class ModelRepository extends Construct {
  readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: ModelRepositoryProps) {
    super(scope, id);
    this.repository = new ecr.Repository(this, 'Repository', {
      repositoryName: modelRepositoryName(props.prefix),
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.KMS,
      encryptionKey: props.key,
      // The deployed endpoint's image must survive a stack mistake; deleting it is a manual act.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          rulePriority: 1,
          description: 'Untagged layers are failed or superseded pushes',
          tagStatus: ecr.TagStatus.UNTAGGED,
          maxImageAge: Duration.days(1),
        },
        {
          rulePriority: 2,
          description: `Keep the newest ${keptImages} images`,
          tagStatus: ecr.TagStatus.ANY,
          maxImageCount: keptImages,
        },
      ],
    });
  }
}
