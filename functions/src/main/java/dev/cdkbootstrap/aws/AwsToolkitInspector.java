package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@link ToolkitInspector} on CloudFormation DescribeStacks (status, parameters, outputs, termination
 * protection, tags), SSM GetParameter
 * and S3 HeadBucket, with the target role's credentials.
 */
final class AwsToolkitInspector implements ToolkitInspector {
    private final CloudFormationClient cloudFormation;
    private final SsmClient ssm;
    private final S3Client s3;
    private final IamPolicyStore.Guard guard;

    AwsToolkitInspector(CloudFormationClient cloudFormation, SsmClient ssm, S3Client s3, IamPolicyStore.Guard guard) {
        this.cloudFormation = cloudFormation;
        this.ssm = ssm;
        this.s3 = s3;
        this.guard = guard;
    }

    @Override
    public Optional<StackState> stack(String stackName) {
        try {
            Stack stack = guard.call(() -> cloudFormation.describeStacks(r -> r.stackName(stackName))).stacks()
                    .stream().findFirst().orElse(null);
            if (stack == null || "DELETE_COMPLETE".equals(stack.stackStatusAsString())) {
                return Optional.empty();
            }
            Map<String, String> parameters = stack.parameters().stream().collect(Collectors.toMap(
                    Parameter::parameterKey, p -> p.parameterValue() == null ? "" : p.parameterValue(), (a, b) -> b));
            Map<String, String> outputs = stack.outputs().stream().filter(o -> o.outputValue() != null)
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> b));
            Map<String, String> tags = stack.tags().stream().collect(Collectors.toMap(
                    Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b));
            return Optional.of(new StackState(stack.stackStatusAsString(), parameters, outputs,
                    Boolean.TRUE.equals(stack.enableTerminationProtection()), tags));
        } catch (CloudFormationException e) {
            // DescribeStacks answers a missing stack with ValidationError "Stack with id X does not exist".
            if ("ValidationError".equals(AwsErrors.code(e)) && String.valueOf(e.awsErrorDetails().errorMessage())
                    .contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * HeadBucket (the target role's s3:ListBucket on {@code cdk-<qualifier>-assets-<account>-*}): 404 is
     * free; 403 is a bucket of that name the role may not read, i.e. another account's (names are global),
     * which the CLI could not create either.
     */
    @Override
    public boolean bucketExists(String bucketName) {
        try {
            s3.headBucket(r -> r.bucket(bucketName));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public Optional<String> parameter(String name) {
        try {
            return Optional.of(guard.call(() -> ssm.getParameter(r -> r.name(name))).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
