package dev.cdkbootstrap.sandbox.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.codebuild.BuildProject;
import dev.cdkbootstrap.sandbox.codebuild.LocalCodeBuild;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.events.EventRule;
import dev.cdkbootstrap.sandbox.events.Schedule;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.workflow.RunLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys the application from the project's own files into the emulator, in the orchestrator
 * deployment account: the config bucket (versioned, EventBridge notifications on), the report
 * topic, the IAM roles, every function (in-process handlers with the template's environment), the
 * CodeBuild project (local builds of {@code buildspec/bootstrap.yml}), the state machine from
 * {@code statemachine/} with its DefinitionSubstitutions resolved, the EventBridge rules and the
 * EventBridge Scheduler schedules ({@link Schedules}).
 */
public final class OrchestratorDeployer {
    private final Path projectRoot;
    private final EmulatorClients clients;
    private final MotoForwarder moto;
    private final LocalLambdas lambdas;
    private final LocalCodeBuild codeBuild;
    private final PrintStream out;

    public OrchestratorDeployer(Path projectRoot, EmulatorClients clients, MotoForwarder moto, LocalLambdas lambdas,
                                LocalCodeBuild codeBuild, PrintStream out) {
        this.projectRoot = projectRoot;
        this.clients = clients;
        this.moto = moto;
        this.lambdas = lambdas;
        this.codeBuild = codeBuild;
        this.out = out;
    }

    /** Deploys {@code app} with functions of a package built with {@code cdk} pinned (normally the real pin). */
    public Deployment deploy(SamApplication app, int timingCapSeconds, PinnedCdkCli cdk) throws IOException {
        String region = app.region();
        for (String role : app.resourcesOfType("AWS::IAM::Role")) {
            Object trust = app.intrinsics().resolve(app.properties(role).get("AssumeRolePolicyDocument"));
            clients.iam().createRole(b -> b.roleName(app.physicalName(role)).assumeRolePolicyDocument(json(trust)));
        }
        String bucketId = app.resourcesOfType("AWS::S3::Bucket").get(0);
        String bucket = app.physicalName(bucketId);
        var s3 = clients.s3();
        // us-east-1 takes no location constraint (AWS and moto reject one).
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(
                "us-east-1".equals(region) ? null : software.amazon.awssdk.services.s3.model.CreateBucketConfiguration
                        .builder().locationConstraint(region).build()));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .eventBridgeConfiguration(e -> {})));
        for (String topic : app.resourcesOfType("AWS::SNS::Topic")) {
            clients.sns().createTopic(b -> b.name(app.physicalName(topic)));
        }
        Map<String, String> functionEnv = deployFunctions(app, cdk);
        for (String project : app.resourcesOfType("AWS::CodeBuild::Project")) {
            BuildProject local = new BuildProject(app.physicalName(project), region, app.account(),
                    projectRoot.resolve("buildspec/bootstrap.yml"), projectEnvironment(app, project));
            codeBuild.register(local);
            createProjectInMoto(app, project, local);
        }
        String machineId = app.resourcesOfType("AWS::Serverless::StateMachine").get(0);
        String machineArn = deployStateMachine(app, machineId, timingCapSeconds, bucket);
        List<EventRule> rules = new ArrayList<>();
        rules.addAll(rulesOf(app, machineId, new EventRule.Target(EventRule.TargetKind.STATE_MACHINE, machineArn)));
        for (String function : app.resourcesOfType("AWS::Serverless::Function")) {
            rules.addAll(rulesOf(app, function, new EventRule.Target(EventRule.TargetKind.FUNCTION, app.physicalName(function))));
        }
        for (String rule : app.resourcesOfType("AWS::Events::Rule")) {
            rules.addAll(plainRule(app, rule, machineArn));
        }
        ResourcePolicies policies = new ResourcePolicies(app, clients, moto);
        List<String> stored = policies.deploy();
        List<Schedule> schedules = Schedules.deploy(app, moto, out);
        out.println("sandbox: stored in moto, not evaluated (moto authorizes no request by them): " + String.join("; ", stored));
        policies.quirks().forEach(quirk -> out.println("sandbox: " + quirk));
        out.println("sandbox: not deployed (no part in a sandbox run; roles get their trust policies only): "
                + String.join("; ", policies.notDeployed()));
        return new Deployment(region, bucket, functionEnv.get("CONFIG_KEY"), machineArn,
                RunLayout.RUNS_ROOT, rules, schedules, functionEnv.get("REPORT_TOPIC_ARN"));
    }

    /**
     * (Re)deploys every function of {@code app}: an in-process handler with the template's environment and
     * the emulator's endpoint, region and keys, wired as a package built with {@code cdk} pinned would be;
     * a function deployed before is replaced (as {@code sam deploy} of a new package). Returns the last
     * function's environment.
     */
    public Map<String, String> deployFunctions(SamApplication app, PinnedCdkCli cdk) {
        Map<String, String> sandboxEnv = Map.of("AWS_REGION", app.region(), "AWS_ENDPOINT_URL", clients.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY);
        Map<String, String> functionEnv = Map.of();
        for (String function : app.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, String> env = new LinkedHashMap<>(app.functionEnvironment(function));
            env.putAll(sandboxEnv);
            String handler = String.valueOf(app.properties(function).get("Handler"));
            lambdas.register(app.physicalName(function), HandlerFactory.create(handler, env, cdk));
            functionEnv = env;
        }
        return functionEnv;
    }

    /** The project also exists in moto, so BatchGetProjects/ListProjects answer as in AWS; builds stay local. */
    private void createProjectInMoto(SamApplication app, String logicalId, BuildProject project) throws IOException {
        ObjectNode request = Json.tolerant().createObjectNode().put("name", project.name());
        // moto quirk: it wants a source location even for NO_SOURCE (AWS does not).
        request.putObject("source").put("type", "NO_SOURCE").put("location", "sandbox-no-source")
                .put("buildspec", Files.readString(project.buildspec()));
        request.putObject("artifacts").put("type", "NO_ARTIFACTS");
        var variables = request.putObject("environment").put("type", "LINUX_CONTAINER")
                .put("image", "aws/codebuild/standard:7.0").put("computeType", "BUILD_GENERAL1_SMALL")
                .putArray("environmentVariables");
        project.environment().forEach((name, value) -> variables.addObject().put("name", name).put("value", value)
                .put("type", "PLAINTEXT"));
        Object role = app.properties(logicalId).get("ServiceRole");
        request.put("serviceRole", role == null ? "arn:aws:iam::" + app.account() + ":role/sandbox-codebuild"
                : app.intrinsics().string(role));
        check(moto.json("codebuild", app.region(), app.account(), "CodeBuild_20161006.CreateProject", request.toString()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> projectEnvironment(SamApplication app, String project) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> environment = (Map<String, Object>) app.intrinsics().resolve(app.properties(project).get("Environment"));
        for (Object variable : (List<Object>) environment.getOrDefault("EnvironmentVariables", List.of())) {
            Map<String, Object> v = (Map<String, Object>) variable;
            env.put(String.valueOf(v.get("Name")), String.valueOf(v.get("Value")));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private String deployStateMachine(SamApplication app, String machineId, int capSeconds, String artifactBucket)
            throws IOException {
        Map<String, Object> props = app.properties(machineId);
        String definition = Files.readString(projectRoot.resolve(String.valueOf(props.get("DefinitionUri"))));
        Map<String, Object> substitutions = (Map<String, Object>) props.getOrDefault("DefinitionSubstitutions", Map.of());
        for (Map.Entry<String, Object> substitution : substitutions.entrySet()) {
            definition = definition.replace("${" + substitution.getKey() + "}", app.intrinsics().string(substitution.getValue()));
        }
        JsonNode asl = Json.tolerant().readTree(definition);
        MotoAslCompat.adjust(asl, artifactBucket).forEach(change -> out.println("sandbox: moto ASL compatibility: " + change));
        List<String> changes = AslTimings.scale(asl, capSeconds);
        if (!changes.isEmpty()) {
            out.println("sandbox: scaled the ASL's waiting down to at most " + capSeconds + " s ("
                    + changes.size() + " Wait/Retry settings; see docs/sandbox.md)");
        }
        String name = app.physicalName(machineId);
        String roleArn = "arn:aws:iam::" + app.account() + ":role/" + SamApplication.STACK_NAME + "-statemachine";
        return clients.sfn().createStateMachine(b -> b.name(name).definition(asl.toString()).roleArn(roleArn)
                .type(String.valueOf(props.getOrDefault("Type", "STANDARD")))).stateMachineArn();
    }

    /** The resource's EventBridgeRule events, created in moto and returned for local delivery. */
    @SuppressWarnings("unchecked")
    private List<EventRule> rulesOf(SamApplication app, String logicalId, EventRule.Target target) {
        List<EventRule> rules = new ArrayList<>();
        Map<String, Object> events = (Map<String, Object>) app.properties(logicalId).getOrDefault("Events", Map.of());
        for (Map.Entry<String, Object> event : events.entrySet()) {
            Map<String, Object> definition = (Map<String, Object>) event.getValue();
            if (!"EventBridgeRule".equals(definition.get("Type"))) {
                continue;
            }
            Map<String, Object> props = (Map<String, Object>) app.intrinsics().resolve(definition.get("Properties"));
            String name = SamApplication.STACK_NAME + "-" + logicalId + event.getKey();
            JsonNode pattern = Json.tolerant().valueToTree(props.get("Pattern"));
            Optional<JsonNode> transformer = Optional.ofNullable(props.get("InputTransformer")).map(Json.tolerant()::valueToTree);
            String targetArn = target.kind() == EventRule.TargetKind.FUNCTION
                    ? lambdas.arn(target.arnOrName(), app.region()) : target.arnOrName();
            putRule(app, name, pattern, targetArn, transformer);
            rules.add(new EventRule(name, pattern, target, transformer));
        }
        return rules;
    }

    /**
     * A plain {@code AWS::Events::Rule} of the template, created in moto and returned for local delivery;
     * the sandbox delivers to a state machine target only (the template has no other).
     */
    @SuppressWarnings("unchecked")
    private List<EventRule> plainRule(SamApplication app, String logicalId, String machineArn) {
        Map<String, Object> props = (Map<String, Object>) app.intrinsics().resolve(app.properties(logicalId));
        List<EventRule> rules = new ArrayList<>();
        for (Object item : (List<Object>) props.getOrDefault("Targets", List.of())) {
            Map<String, Object> target = (Map<String, Object>) item;
            if (!machineArn.equals(target.get("Arn"))) {
                throw new IllegalArgumentException("the sandbox delivers " + logicalId + "'s events only to the state machine,"
                        + " not to " + target.get("Arn"));
            }
            String name = app.physicalName(logicalId);
            JsonNode pattern = Json.tolerant().valueToTree(props.get("EventPattern"));
            Optional<JsonNode> transformer = Optional.ofNullable(target.get("InputTransformer")).map(Json.tolerant()::valueToTree);
            putRule(app, name, pattern, machineArn, transformer);
            rules.add(new EventRule(name, pattern, new EventRule.Target(EventRule.TargetKind.STATE_MACHINE, machineArn), transformer));
        }
        return rules;
    }

    private void putRule(SamApplication app, String name, JsonNode pattern, String targetArn, Optional<JsonNode> transformer) {
        ObjectNode rule = Json.tolerant().createObjectNode().put("Name", name).put("EventPattern", pattern.toString())
                .put("State", "ENABLED");
        check(moto.json("events", app.region(), app.account(), "AWSEvents.PutRule", rule.toString()));
        ObjectNode targets = Json.tolerant().createObjectNode().put("Rule", name);
        ObjectNode entry = targets.putArray("Targets").addObject().put("Id", "target").put("Arn", targetArn);
        transformer.ifPresent(t -> entry.set("InputTransformer", t));
        check(moto.json("events", app.region(), app.account(), "AWSEvents.PutTargets", targets.toString()));
    }

    private static void check(dev.cdkbootstrap.sandbox.front.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("moto answered " + reply.status() + ": " + reply.bodyText());
        }
    }

    private static String json(Object value) {
        try {
            return Json.tolerant().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
