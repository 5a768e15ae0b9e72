package dev.cdkbootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDK CLI's bootstrap template as our `cdk bootstrap` deploys it for one qualifier (no custom bucket or
 * repository name, the AWS managed key): each resource's type and the ARN(s) IAM authorizes its calls on.
 */
final class BootstrapTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode resources;
    private final Map<String, String> parameters = new HashMap<>();
    private final Intrinsics intrinsics;

    BootstrapTemplate(JsonNode template, String qualifier) {
        this.resources = template.path("Resources");
        template.path("Parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        parameters.putAll(Map.of("Qualifier", qualifier, "FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY",
                "AWS::Partition", "aws", "AWS::AccountId", "123456789012", "AWS::Region", "eu-west-1"));
        this.intrinsics = new Intrinsics(parameters, JSON.convertValue(template.path("Conditions"), Map.class),
                this::name, (id, attribute) -> { throw new IllegalArgumentException("a name refers to " + id + "." + attribute); });
    }

    /** Logical id to resource type, in template order. */
    Map<String, String> resources() {
        Map<String, String> types = new LinkedHashMap<>();
        resources.properties().forEach(e -> types.put(e.getKey(), e.getValue().path("Type").asText()));
        return types;
    }

    /** The ARNs a call on this resource is authorized on (an inline policy: the roles it is put on). */
    List<String> arns(String logicalId, String region, String account) {
        JsonNode properties = resources.path(logicalId).path("Properties");
        String type = resources.path(logicalId).path("Type").asText();
        return switch (type) {
            case "AWS::S3::Bucket" -> List.of("arn:aws:s3:::" + name(logicalId));
            case "AWS::S3::BucketPolicy" -> List.of("arn:aws:s3:::" + string(properties.path("Bucket")));
            case "AWS::ECR::Repository" -> List.of("arn:aws:ecr:" + region + ":" + account + ":repository/" + name(logicalId));
            case "AWS::IAM::Role" -> List.of("arn:aws:iam::" + account + ":role/" + name(logicalId));
            case "AWS::IAM::Policy" -> {
                List<String> roles = new ArrayList<>();
                properties.path("Roles").forEach(role -> roles.add("arn:aws:iam::" + account + ":role/" + string(role)));
                yield roles;
            }
            case "AWS::IAM::ManagedPolicy" -> List.of("arn:aws:iam::" + account + ":policy/" + name(logicalId));
            case "AWS::SSM::Parameter" -> List.of("arn:aws:ssm:" + region + ":" + account + ":parameter" + name(logicalId));
            case "AWS::KMS::Key" -> List.of("arn:aws:kms:" + region + ":" + account + ":key/0a1b2c3d-0000-4000-8000-000000000000");
            case "AWS::KMS::Alias" -> List.of("arn:aws:kms:" + region + ":" + account + ":" + name(logicalId));
            default -> throw new IllegalArgumentException(logicalId + ": no ARN rule for " + type + "; add one here");
        };
    }

    /** The physical name (what Ref returns) of a named resource. */
    private String name(String logicalId) {
        String type = resources.path(logicalId).path("Type").asText();
        String property = switch (type) {
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::ECR::Repository" -> "RepositoryName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::IAM::ManagedPolicy" -> "ManagedPolicyName";
            case "AWS::SSM::Parameter" -> "Name";
            case "AWS::KMS::Alias" -> "AliasName";
            default -> throw new IllegalArgumentException(logicalId + " (" + type + ") has no name this test knows");
        };
        JsonNode value = resources.path(logicalId).path("Properties").path(property);
        if (value.isMissingNode()) {
            throw new IllegalArgumentException(logicalId + " has no " + property + ": CloudFormation would generate one");
        }
        return string(value);
    }

    private String string(JsonNode value) {
        return intrinsics.string(JSON.convertValue(value, Object.class));
    }
}
