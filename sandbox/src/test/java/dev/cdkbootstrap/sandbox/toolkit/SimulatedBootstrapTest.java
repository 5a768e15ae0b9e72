package dev.cdkbootstrap.sandbox.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Busy;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Deploy;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Deployed;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Failure;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.NoChange;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Options;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Outcome;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pinned CLI's rules, one per test (SimulatedBuildIT compares them with the real CLI in moto). */
class SimulatedBootstrapTest {
    private static final int PINNED = 33;
    private static final String VARIANT = "AWS CDK: Default Resources";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final Map<String, String> DEFAULTS = defaults();
    private static final Request TRUST_333 = request(Optional.of(List.of("333333333333")), List.of());

    @Test
    void noStackIsCreatedWithTheCliParametersAndTemplateDefaults() {
        Deploy deploy = (Deploy) decide(Optional.empty(), TRUST_333);
        assertThat(deploy.create()).isTrue();
        assertThat(deploy.deleteFirst()).isEmpty();
        assertThat(deploy.parameters()).containsEntry("TrustedAccounts", "333333333333")
                .containsEntry("CloudFormationExecutionPolicies", ADMIN).containsEntry("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY")
                .containsEntry("Qualifier", "hnb659fds").containsEntry("BootstrapVariant", VARIANT)
                .containsOnlyKeys(DEFAULTS.keySet());
    }

    @Test
    void trustGivenReplacesTheDeployedListAndUntrustRemovesFromBothLists() {
        Deploy deploy = (Deploy) decide(stack("UPDATE_COMPLETE", 30, "111111111111,222222222222", "222222222222,444444444444"),
                request(Optional.of(List.of("333333333333")), List.of("444444444444")));
        assertThat(deploy.create()).isFalse();
        assertThat(deploy.parameters()).containsEntry("TrustedAccounts", "333333333333")
                .containsEntry("TrustedAccountsForLookup", "222222222222");
    }

    @Test
    void trustOmittedKeepsTheDeployedListMinusUntrusted() {
        Deploy deploy = (Deploy) decide(stack("CREATE_COMPLETE", PINNED, "111111111111,222222222222", ""),
                request(Optional.empty(), List.of("222222222222")));
        assertThat(deploy.parameters()).containsEntry("TrustedAccounts", "111111111111");
    }

    @Test
    void anAccountBothTrustedAndUntrustedFails() {
        assertThat(decide(Optional.empty(), request(Optional.of(List.of("333333333333")), List.of("333333333333"))))
                .isEqualTo(new Failure("Accounts cannot be both trusted and untrusted. Found: 333333333333"));
    }

    @Test
    void trustWithoutExecutionPoliciesFails() {
        Request noPolicies = new Request(Optional.of(List.of("333333333333")), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(decide(Optional.empty(), noPolicies)).isInstanceOf(Failure.class);
    }

    @Test
    void aDifferentVariantIsNotOverwritten() {
        Optional<Deployed> custom = stack("CREATE_COMPLETE", 30, "", "");
        custom.get().parameters().put("BootstrapVariant", "Acme: hardened");
        assertThat(decide(custom, TRUST_333)).isInstanceOfSatisfying(NoChange.class,
                n -> assertThat(n.message()).contains("Not overwriting it with a template containing '" + VARIANT + "'"));
    }

    @Test
    void aNewerVersionIsNotDowngraded() {
        assertThat(decide(stack("CREATE_COMPLETE", 40, "", ""), TRUST_333)).isEqualTo(new NoChange(
                "Bootstrap stack already at version 40. Not downgrading it to version 33 (use --force if you intend to downgrade)"));
    }

    @Test
    void theSameTemplateAndParametersChangeNothing() {
        Outcome outcome = decide(stack("UPDATE_COMPLETE", PINNED, "333333333333", ""), TRUST_333);
        assertThat(outcome).isInstanceOf(NoChange.class);
    }

    @Test
    void theSameTemplateAndParametersOnAFailedStatusAreDeployedAnyway() {
        assertThat(decide(stack("UPDATE_FAILED", PINNED, "333333333333", ""), TRUST_333)).isInstanceOf(Deploy.class);
    }

    @Test
    void anOlderVersionWithTheSameParametersIsUpdated() {
        assertThat(decide(stack("CREATE_COMPLETE", 30, "333333333333", ""), TRUST_333))
                .isInstanceOfSatisfying(Deploy.class, d -> assertThat(d.create()).isFalse());
    }

    @Test
    void aFailedCreationIsDeletedThenCreatedIgnoringItsParameters() {
        for (String status : List.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED")) {
            Deploy deploy = (Deploy) decide(stack(status, 0, "999999999999", ""), request(Optional.empty(), List.of()));
            assertThat(deploy.deleteFirst()).contains("arn:stack");
            assertThat(deploy.create()).isTrue();
            assertThat(deploy.parameters()).as("ToolkitInfo reports 'not found': nothing deployed is kept")
                    .containsEntry("TrustedAccounts", "");
        }
    }

    @Test
    void reviewInProgressIsCreated() {
        Deployed review = new Deployed("arn:stack", "REVIEW_IN_PROGRESS", new LinkedHashMap<>(), Map.of());
        Deploy deploy = (Deploy) decide(Optional.of(review), TRUST_333);
        assertThat(deploy.create()).isTrue();
        assertThat(deploy.deleteFirst()).isEmpty();
    }

    @Test
    void anOperationInProgressIsWaitedForButDeleteCompleteIsNoStack() {
        for (String status : List.of("UPDATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "DELETE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS")) {
            assertThat(decide(stack(status, PINNED, "", ""), TRUST_333)).isInstanceOf(Busy.class);
        }
        assertThat(decide(stack("DELETE_COMPLETE", PINNED, "", ""), TRUST_333))
                .isInstanceOfSatisfying(Deploy.class, d -> assertThat(d.create()).isTrue());
    }

    @Test
    void aQualifierIsPassedOnlyWhenGivenOtherwiseTheDeployedOneIsKept() {
        Optional<Deployed> deployed = stack("CREATE_COMPLETE", 30, "", "");
        deployed.get().parameters().put("Qualifier", "custom");
        assertThat(((Deploy) decide(deployed, TRUST_333)).parameters()).containsEntry("Qualifier", "custom");
        Request withQualifier = new Request(Optional.empty(), List.of(), Optional.of(List.of(ADMIN)), Optional.of("other"),
                Optional.empty());
        assertThat(((Deploy) decide(deployed, withQualifier)).parameters()).containsEntry("Qualifier", "other");
    }

    @Test
    void aBoundaryIsPutOnEveryRoleWhenGivenAndTheDeployedOneIsKeptWhenNot() {
        Request withBoundary = new Request(Optional.empty(), List.of(), Optional.of(List.of(ADMIN)), Optional.empty(),
                Optional.of("cdk-guardrail"), new Options(Optional.empty(), false, true, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));
        Optional<Deployed> deployed = stack("CREATE_COMPLETE", PINNED, "", "");
        assertThat(((Deploy) decide(deployed, withBoundary)).parameters()).containsEntry("InputPermissionsBoundary", "cdk-guardrail")
                .containsEntry("ApplyPermissionsBoundaryToAllRoles", "true");

        deployed.get().parameters().put("InputPermissionsBoundary", "legacy");
        deployed.get().parameters().put("ApplyPermissionsBoundaryToAllRoles", "true");
        assertThat(decide(deployed, request(Optional.empty(), List.of()))).isInstanceOf(NoChange.class);
    }

    @Test
    void eachFurtherOptionBecomesItsParameterAndTheExampleBoundaryIsNamedForTheQualifier() {
        Request all = withOptions(new Options(Optional.of(List.of("555555555555")), true, false, Optional.of(true),
                Optional.of(Map.of("team", "ml")), Optional.of("create"), Optional.of(false), Optional.of("t.yaml")));

        Deploy deploy = (Deploy) decide(stack("CREATE_COMPLETE", PINNED, "", "444444444444"), all);

        assertThat(deploy.parameters()).containsEntry("TrustedAccountsForLookup", "555555555555")
                .containsEntry("InputPermissionsBoundary", "cdk-hnb659fds-permissions-boundary")
                .containsEntry("ApplyPermissionsBoundaryToAllRoles", "false").containsEntry("FileAssetsBucketKmsKeyId", "")
                .containsEntry("PublicAccessBlockConfiguration", "false");
        assertThat(deploy.terminationProtection()).contains(true);
        assertThat(deploy.tags()).contains(Map.of("team", "ml"));
        Request managed = withOptions(new Options(Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                Optional.of("aws-managed"), Optional.empty(), Optional.empty()));
        assertThat(((Deploy) decide(stack("CREATE_COMPLETE", 30, "", ""), managed)).parameters())
                .containsEntry("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY").containsEntry("PublicAccessBlockConfiguration", "true");
    }

    @Test
    void onlyTagsOrTerminationProtectionThatDifferAreAChangeTheCliMakes() {
        Options protectedAndTagged = new Options(Optional.empty(), false, false, Optional.of(true),
                Optional.of(Map.of("team", "ml")), Optional.empty(), Optional.empty(), Optional.empty());
        Deployed plain = stack("UPDATE_COMPLETE", PINNED, "", "").orElseThrow();
        Deployed already = new Deployed(plain.stackId(), plain.status(), plain.parameters(), plain.outputs(), true,
                Map.of("team", "ml"));

        assertThat(decide(Optional.of(plain), withOptions(protectedAndTagged))).isInstanceOf(Deploy.class);
        assertThat(decide(Optional.of(already), withOptions(protectedAndTagged))).isInstanceOf(NoChange.class);
        assertThat(decide(Optional.of(already), request(Optional.empty(), List.of()))).as("not given: kept")
                .isInstanceOf(NoChange.class);
    }

    @Test
    void aLookupAccountThatIsAlsoUntrustedFails() {
        Request both = new Request(Optional.empty(), List.of("555555555555"), Optional.of(List.of(ADMIN)), Optional.empty(),
                Optional.empty(), new Options(Optional.of(List.of("555555555555")), false, false, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(decide(Optional.empty(), both)).isInstanceOf(Failure.class);
    }

    private static Request withOptions(Options options) {
        return new Request(Optional.empty(), List.of(), Optional.of(List.of(ADMIN)), Optional.empty(), Optional.empty(), options);
    }

    private static Outcome decide(Optional<Deployed> deployed, Request request) {
        return SimulatedBootstrap.decide(deployed, request, PINNED, VARIANT, DEFAULTS);
    }

    private static Request request(Optional<List<String>> trust, List<String> untrust) {
        return new Request(trust, untrust, Optional.of(List.of(ADMIN)), Optional.empty(), Optional.empty());
    }

    /** A stack as the CLI would have left it (every parameter), at {@code version}. */
    private static Optional<Deployed> stack(String status, int version, String trust, String lookup) {
        Map<String, String> parameters = new LinkedHashMap<>(DEFAULTS);
        parameters.put("TrustedAccounts", trust);
        parameters.put("TrustedAccountsForLookup", lookup);
        parameters.put("CloudFormationExecutionPolicies", ADMIN);
        parameters.put("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY");
        return Optional.of(new Deployed("arn:stack", status, parameters, version == 0 ? Map.of()
                : Map.of("BootstrapVersion", Integer.toString(version))));
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String name : List.of("TrustedAccounts", "TrustedAccountsForLookup", "CloudFormationExecutionPolicies",
                "FileAssetsBucketName", "FileAssetsBucketKmsKeyId", "ContainerAssetsRepositoryName", "InputPermissionsBoundary")) {
            defaults.put(name, "");
        }
        defaults.put("Qualifier", "hnb659fds");
        defaults.put("PublicAccessBlockConfiguration", "true");
        defaults.put("BootstrapVariant", VARIANT);
        defaults.put("ApplyPermissionsBoundaryToAllRoles", "false");
        return defaults;
    }
}
