package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings.CustomTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person should do about a toolkit the product will not touch (the reason texts of the
 * FAILED rows of the decision table). Commands name the stack; run them in the target account and region.
 */
final class OperatorAdvice {

    private OperatorAdvice() {}

    static String forStatus(String status, String stackName) {
        return switch (status) {
            case "DELETE_FAILED" -> "a deletion of the stack failed; see its events, remove what blocked it (often a"
                    + " non-empty staging bucket), delete the stack again, then run again";
            case "UPDATE_ROLLBACK_FAILED" -> "continue the rollback (aws cloudformation continue-update-rollback"
                    + " --stack-name " + stackName + ", skipping resources that cannot roll back), then run again";
            case "IMPORT_ROLLBACK_FAILED" -> "the rollback of a resource import failed; fix the resources named in the"
                    + " stack's events and roll back again, then run again";
            case "CREATE_FAILED", "UPDATE_FAILED" -> "an operation with rollback disabled failed; roll the stack back"
                    + " (aws cloudformation rollback-stack --stack-name " + stackName + "), then run again";
            default -> "this status is not one the product knows how to handle; look at the stack, then run again";
        };
    }

    static String customVariant(Target target, String deployedQualifier) {
        return "a customised bootstrap template is not ours to overwrite (and the CLI would decline: \"Not"
                + " overwriting\"); bootstrap this environment with its own template, or " + deleteToolkit(target, deployedQualifier)
                + " to let this product manage it";
    }

    /** The stack holds another variant than the configured template: the CLI would not overwrite it either. */
    static String otherVariant(Target target, String deployedQualifier, CustomTemplate template) {
        return "the CLI does not overwrite a toolkit of another variant (\"Not overwriting\"); to replace it with "
                + template.path() + ", " + deleteToolkit(target, deployedQualifier) + " so that the next run creates it from that"
                + " template, or give the template the variant the stack holds (its BootstrapVariant default)";
    }

    static String qualifierMismatch(String deployed, String wanted) {
        return "changing a toolkit's qualifier renames every bootstrap resource and breaks apps deployed with the old"
                + " one; set qualifier '" + deployed + "' for this target in cdk-app.yml, or give qualifier '" + wanted
                + "' its own toolkit_stack_name";
    }

    static String newerThanPinned() {
        return "the pinned CDK CLI would change nothing (\"Not downgrading\"); raise the pinned version (the aws-cdk"
                + " pin in package.json: npm install --save-exact aws-cdk@VERSION, then sam build and sam deploy)";
    }

    static String newerThanTemplate(CustomTemplate template) {
        return "the CLI would change nothing with " + template.path() + " (\"Not downgrading\"); raise that"
                + " template's version (its BootstrapVersion output and CdkBootstrapVersion parameter value)";
    }

    static String drifted(String parameter, int version, boolean outdated, Target target) {
        return "drift CloudFormation does not see" + (outdated ? "" : ", and `cdk bootstrap` would change nothing")
                + "; restore it (aws ssm put-parameter --name " + parameter + " --type String --value " + version
                + " --overwrite" + (outdated ? "; the next run then upgrades the outdated toolkit" : "") + ") or "
                + deleteToolkit(target, target.qualifier()) + " so that the next run re-creates it";
    }

    static String leftovers(List<String> leftovers, Target target) {
        List<String> steps = new ArrayList<>();
        if (leftovers.stream().anyMatch(l -> l.startsWith("S3 bucket"))) {
            steps.add("a staging bucket outlives its toolkit stack (the bootstrap template retains it): if it is a"
                    + " leftover of this environment's deleted toolkit, empty and delete it (aws s3 rb s3://"
                    + ToolkitObserver.stagingBucket(target) + " --force); if another account owns that name, give this"
                    + " target another qualifier");
        }
        if (leftovers.stream().anyMatch(l -> l.startsWith("SSM parameter"))) {
            steps.add("another toolkit stack holds qualifier '" + target.qualifier() + "' here: set its stack name as"
                    + " toolkit_stack_name for this target, or another qualifier");
        }
        return String.join("; ", steps) + "; then run again";
    }

    /** Deleting a toolkit leaves its staging bucket (retained): both must go for a clean re-creation. */
    /** The retained bucket is named by the qualifier the stack holds, which may not be the plan's. */
    private static String deleteToolkit(Target target, String deployedQualifier) {
        return "delete the toolkit stack and its retained staging bucket "
                + ToolkitObserver.stagingBucket(deployedQualifier, target.account(), target.region());
    }
}
