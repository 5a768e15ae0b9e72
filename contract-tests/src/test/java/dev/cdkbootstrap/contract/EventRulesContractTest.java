package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.sandbox.events.EventRule;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every trigger file in events/ matches the EventPattern of the template rule that delivers it (and
 * no other rule), and a near miss of it does not. Matching is the sandbox's EventBridge matcher, the
 * one that delivers events in the offline runs, on the patterns with their intrinsics resolved.
 */
class EventRulesContractTest {
    /** The deployed bucket's name as events/s3-config-object-created.json shows it. */
    private static final String CONFIG_BUCKET = "cdk-bootstrap-configbucket-1x2y3z4w5v6u";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
    private final List<EventRule> configRules = plainRulesTargeting("BootstrapStateMachine");
    private final List<EventRule> newAccountRules = rulesOf("NewAccountFunction");

    @Test
    void bothTargetsHaveRules() {
        assertThat(configRules).hasSize(1);
        assertThat(newAccountRules).isNotEmpty();
    }

    @Test
    void configUploadMatchesOnlyTheStateMachineRule() {
        JsonNode event = event("s3-config-object-created.json");
        assertThat(matching(configRules, event)).hasSize(1);
        assertThat(matching(newAccountRules, event)).isEmpty();
    }

    @Test
    void uploadOfAnotherKeyDoesNotStartARun() {
        assertNoRuleMatches("s3-config-object-created.json", e -> object(e, "detail", "object").put("key", "policies/dev.json"));
    }

    @Test
    void uploadToAnotherBucketDoesNotStartARun() {
        assertNoRuleMatches("s3-config-object-created.json", e -> object(e, "detail", "bucket").put("name", "someone-elses-bucket"));
    }

    @Test
    void deletingTheConfigDoesNotStartARun() {
        assertNoRuleMatches("s3-config-object-created.json", e -> e.put("detail-type", "Object Deleted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations-create-account-succeeded.json", "organizations-create-account-failed.json",
            "controltower-create-managed-account.json", "controltower-update-managed-account.json"})
    void accountEventMatchesOnlyTheNewAccountFunctionsRules(String file) {
        JsonNode event = event(file);
        assertThat(matching(newAccountRules, event)).as(file).hasSize(1);
        assertThat(matching(configRules, event)).as(file).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations-create-account-succeeded.json", "controltower-create-managed-account.json"})
    void anotherCallOfTheSameServiceDoesNotMatch(String file) {
        assertNoRuleMatches(file, e -> object(e, "detail").put("eventName", "DescribeAccount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations-create-account-succeeded.json", "controltower-update-managed-account.json"})
    void theSameCallFromAnotherSourceDoesNotMatch(String file) {
        assertNoRuleMatches(file, e -> e.put("source", "aws.s3"));
    }

    @Test
    void anOrganizationsEventThatIsNotAServiceEventDoesNotMatch() {
        assertNoRuleMatches("organizations-create-account-succeeded.json", e -> e.put("detail-type", "AWS API Call via CloudTrail"));
    }

    private void assertNoRuleMatches(String file, Consumer<ObjectNode> change) {
        ObjectNode variant = (ObjectNode) event(file);
        change.accept(variant);
        List<EventRule> all = new ArrayList<>(configRules);
        all.addAll(newAccountRules);
        assertThat(matching(all, variant)).as("rules matching a variant of " + file).isEmpty();
    }

    private static List<String> matching(List<EventRule> rules, JsonNode event) {
        return rules.stream().filter(rule -> rule.matches(event)).map(EventRule::name).toList();
    }

    private static ObjectNode object(ObjectNode event, String... path) {
        ObjectNode node = event;
        for (String name : path) {
            node = (ObjectNode) node.get(name);
        }
        return node;
    }

    /** The resource's EventBridgeRule events (SAM), patterns resolved with the parameters' defaults. */
    private List<EventRule> rulesOf(String logicalId) {
        EventRule.Target target = new EventRule.Target(EventRule.TargetKind.FUNCTION, logicalId);
        List<EventRule> rules = new ArrayList<>();
        template.path("Resources").path(logicalId).path("Properties").path("Events").properties().forEach(e -> {
            if ("EventBridgeRule".equals(e.getValue().path("Type").asText())) {
                Object pattern = intrinsics().resolve(JSON.convertValue(e.getValue().path("Properties").path("Pattern"), Object.class));
                rules.add(new EventRule(logicalId + "." + e.getKey(), JSON.valueToTree(pattern), target, Optional.empty()));
            }
        });
        return rules;
    }

    /** The plain AWS::Events::Rule resources with a target {@code !Ref logicalId}, patterns resolved likewise. */
    private List<EventRule> plainRulesTargeting(String logicalId) {
        EventRule.Target target = new EventRule.Target(EventRule.TargetKind.STATE_MACHINE, logicalId);
        List<EventRule> rules = new ArrayList<>();
        template.path("Resources").properties().forEach(e -> {
            JsonNode props = e.getValue().path("Properties");
            boolean targets = false;
            for (JsonNode t : props.path("Targets")) {
                targets |= logicalId.equals(t.path("Arn").path("Ref").asText());
            }
            if ("AWS::Events::Rule".equals(e.getValue().path("Type").asText()) && targets) {
                Object pattern = intrinsics().resolve(JSON.convertValue(props.path("EventPattern"), Object.class));
                rules.add(new EventRule(e.getKey(), JSON.valueToTree(pattern), target, Optional.empty()));
            }
        });
        return rules;
    }

    private Intrinsics intrinsics() {
        Map<String, String> parameters = new HashMap<>();
        template.path("Parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        parameters.put("AWS::Region", "eu-west-1");
        parameters.put("AWS::AccountId", "999999999999");
        parameters.put("AWS::Partition", "aws");
        return new Intrinsics(parameters, Map.of(),
                resource -> resource.equals("ConfigBucket") ? CONFIG_BUCKET : unresolved(resource),
                (resource, attribute) -> unresolved(resource + "." + attribute));
    }

    private static String unresolved(String what) {
        throw new IllegalArgumentException("an event pattern refers to " + what + "; give it a value in this test");
    }

    private static JsonNode event(String file) {
        try {
            return JSON.readTree(Files.readString(ProjectFiles.path("events/" + file)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read events/" + file, e);
        }
    }
}
