package dev.cdkbootstrap.sandbox.deploy;
import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's {@code template.yaml} as the sandbox deploys it: every resource gets a local
 * physical name (stack name {@code sandbox}, the deployment account, the orchestrator region) and
 * intrinsics resolve to those names and ARNs, so DefinitionSubstitutions, environment variables
 * and rule targets mean in the sandbox what they mean in AWS.
 */
public final class SamApplication {
    public static final String STACK_NAME = "sandbox";

    private final Map<String, Object> template;
    private final Map<String, Object> resources;
    private final String account;
    private final String region;
    /** The region's partition, for every ARN below (config.Regions: the SDK's metadata). */
    private final String partition;
    private final Intrinsics intrinsics;

    @SuppressWarnings("unchecked")
    public SamApplication(Path templateFile, String account, String region, Map<String, String> parameterOverrides) {
        this.template = CloudFormationYaml.load(templateFile);
        this.resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
        this.account = account;
        this.region = region;
        this.partition = Regions.partition(region);
        Map<String, String> parameters = new LinkedHashMap<>();
        java.util.Set<String> lists = new java.util.HashSet<>();
        ((Map<String, Object>) template.getOrDefault("Parameters", Map.of())).forEach((name, definition) -> {
            Object fallback = ((Map<String, Object>) definition).get("Default");
            parameters.put(name, fallback == null ? "" : String.valueOf(fallback));
            if ("CommaDelimitedList".equals(((Map<String, Object>) definition).get("Type"))) {
                lists.add(name);
            }
        });
        parameters.putAll(parameterOverrides);
        parameters.putAll(Map.of("AWS::AccountId", account, "AWS::Region", region, "AWS::Partition", partition,
                "AWS::StackName", STACK_NAME, "AWS::URLSuffix", Regions.dnsSuffix(region)));
        this.intrinsics = new Intrinsics(parameters, lists, (Map<String, Object>) template.get("Conditions"),
                this::ref, this::getAtt);
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    /** Every logical id of the template, in template order. */
    public List<String> resourceIds() {
        return List.copyOf(resources.keySet());
    }

    /** Logical ids of the resources of {@code type} whose Condition (if any) holds. */
    public List<String> resourcesOfType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(definition(e.getKey()).get("Type")))
                .filter(e -> !definition(e.getKey()).containsKey("Condition")
                        || intrinsics.condition(String.valueOf(definition(e.getKey()).get("Condition"))))
                .map(Map.Entry::getKey)
                .toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> definition(String logicalId) {
        Object definition = resources.get(logicalId);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return (Map<String, Object>) definition;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) definition(logicalId).getOrDefault("Properties", Map.of());
    }

    /** The function's environment: Globals, then its own variables, resolved. */
    @SuppressWarnings("unchecked")
    public Map<String, String> functionEnvironment(String logicalId) {
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, properties(logicalId))) {
            Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) source
                    .getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of());
            variables.forEach((name, value) -> env.put(name, intrinsics.string(value)));
        }
        return env;
    }

    /** The local physical name of a resource. */
    public String physicalName(String logicalId) {
        Map<String, Object> props = properties(logicalId);
        String type = String.valueOf(definition(logicalId).get("Type"));
        return switch (type) {
            case "AWS::Serverless::StateMachine" -> props.containsKey("Name") ? intrinsics.string(props.get("Name")) : STACK_NAME + "-" + logicalId;
            case "AWS::IAM::Role" -> props.containsKey("RoleName") ? intrinsics.string(props.get("RoleName")) : STACK_NAME + "-" + logicalId;
            case "AWS::S3::Bucket" -> (STACK_NAME + "-" + logicalId + "-" + account).toLowerCase(Locale.ROOT);
            case "AWS::Logs::LogGroup" -> props.containsKey("LogGroupName") ? intrinsics.string(props.get("LogGroupName")) : "/sandbox/" + logicalId;
            case "AWS::CodeBuild::Project", "AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::Scheduler::ScheduleGroup" ->
                    props.containsKey("Name") ? intrinsics.string(props.get("Name")) : STACK_NAME + "-" + logicalId;
            default -> STACK_NAME + "-" + logicalId;
        };
    }

    /**
     * The template's Outputs, resolved as CloudFormation would (an output whose Condition is false is
     * left out), in template order: the sandbox's stand-in of the deployed stack's outputs.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        ((Map<String, Object>) template.getOrDefault("Outputs", Map.of())).forEach((name, value) -> {
            Map<String, Object> output = (Map<String, Object>) value;
            if (!output.containsKey("Condition") || intrinsics.condition(String.valueOf(output.get("Condition")))) {
                outputs.put(name, intrinsics.string(output.get("Value")));
            }
        });
        return outputs;
    }

    public String functionArn(String logicalId) {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + physicalName(logicalId);
    }

    public String stateMachineArn(String logicalId) {
        return "arn:" + partition + ":states:" + region + ":" + account + ":stateMachine:" + physicalName(logicalId);
    }

    private String ref(String name) {
        String logicalId = name.endsWith(".Alias") ? name.substring(0, name.length() - ".Alias".length()) : name;
        String type = String.valueOf(definition(logicalId).get("Type"));
        return switch (type) {
            case "AWS::Serverless::Function" -> name.endsWith(".Alias") ? functionArn(logicalId) + ":live" : physicalName(logicalId);
            case "AWS::Serverless::StateMachine" -> stateMachineArn(logicalId);
            case "AWS::SNS::Topic" -> "arn:" + partition + ":sns:" + region + ":" + account + ":" + physicalName(logicalId);
            case "AWS::SQS::Queue" -> "https://sqs." + region + "." + Regions.dnsSuffix(region) + "/" + account + "/" + physicalName(logicalId);
            default -> physicalName(logicalId);
        };
    }

    private String getAtt(String logicalId, String attribute) {
        String type = String.valueOf(definition(logicalId).get("Type"));
        String name = physicalName(logicalId);
        return switch (type + "." + attribute) {
            case "AWS::S3::Bucket.Arn" -> "arn:" + partition + ":s3:::" + name;
            case "AWS::IAM::Role.Arn" -> "arn:" + partition + ":iam::" + account + ":role/" + name;
            case "AWS::Serverless::Function.Arn" -> functionArn(logicalId);
            case "AWS::Serverless::StateMachine.Name" -> name;
            case "AWS::Serverless::StateMachine.Arn" -> stateMachineArn(logicalId);
            case "AWS::CodeBuild::Project.Arn" -> "arn:" + partition + ":codebuild:" + region + ":" + account + ":project/" + name;
            case "AWS::Logs::LogGroup.Arn" -> "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:" + name + ":*";
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::SQS::Queue.Arn" -> "arn:" + partition + ":sqs:" + region + ":" + account + ":" + name;
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::KMS::Key.Arn" -> "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + java.util.UUID.nameUUIDFromBytes(
                    name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "AWS::Events::Rule.Arn" -> "arn:" + partition + ":events:" + region + ":" + account + ":rule/" + name;
            case "AWS::Scheduler::ScheduleGroup.Arn" -> "arn:" + partition + ":scheduler:" + region + ":" + account + ":schedule-group/" + name;
            default -> throw new IllegalArgumentException("the sandbox does not resolve !GetAtt " + logicalId + "." + attribute);
        };
    }
}
