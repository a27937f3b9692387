// Infra building block: acknowledge a cdk-nag wildcard-resource finding whose text names another
// resource's attribute, rendered exactly as cdk-nag renders it.
import { Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
// cdk-nag's own renderer for intrinsic functions in finding ids. It is not part of cdk-nag's public
// index, so package.json pins cdk-nag exactly (3.0.2) and an upgrade must re-check this path; a
// change in rendering fails `cdk synth` loudly (the finding would no longer be acknowledged).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';

/**
 * Acknowledge AwsSolutions-IAM5 for one wildcard `resource` of `policy`. A resource such as
 * `<cluster resource id>/*` renders as a logical id or, across stacks, as the consumer's
 * `Fn::GetStackOutput` (with a generated output name), which only exists once CDK has resolved
 * cross-stack references. So the finding id is computed then: construct validations run after
 * reference resolution and before the compliance plugins, with the same renderer cdk-nag uses.
 * The acknowledgement stays exact: a different resource still fails synthesis.
 */
export function acknowledgeWildcardResource(
  policy: iam.ManagedPolicy,
  resource: string,
  reason: string,
): void {
  policy.node.addValidation({
    validate: () => {
      const rendered = flattenCfnReference(Stack.of(policy).resolve(resource));
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${rendered}]`,
        reason,
      });
      return [];
    },
  });
}
