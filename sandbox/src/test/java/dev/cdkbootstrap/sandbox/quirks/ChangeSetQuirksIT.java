package dev.cdkbootstrap.sandbox.quirks;

import static dev.cdkbootstrap.sandbox.RealCdkBootstrap.output;
import static dev.cdkbootstrap.sandbox.RealCdkBootstrap.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.sandbox.RealCdkBootstrap;
import dev.cdkbootstrap.sandbox.RealCdkBootstrap.Run;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * With moto's change-set quirks absorbed at the front endpoint, the real pinned {@code cdk bootstrap}
 * updates an existing toolkit stack in moto: new trust and execution policies, {@code --untrust}.
 */
class ChangeSetQuirksIT {
    private static final String REGION = "eu-west-1";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final Path WORK = Path.of("target/sandbox-it/change-sets");
    private static Sandbox sandbox;
    private static EmulatorClients clients;
    private static int pinned;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(RealCdkBootstrap.projectRoot(), WORK, new BuildSettings(List.of(), List.of(), 2, false));
        clients = sandbox.clients();
        pinned = BootstrapTemplate.pinned(RealCdkBootstrap.projectRoot()).version();
        RealCdkBootstrap.createRoles(clients, "222222222222", "333333333333");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void aSecondBootstrapUpdatesTrustAndPoliciesAndUntrustRemovesAccounts() throws Exception {
        Run created = bootstrap("--trust", "111111111111", "--trust-for-lookup", "666666666666",
                "--cloudformation-execution-policies", ADMIN);
        assertThat(created.exitCode()).as(created.output()).isZero();
        Stack stack = stack();
        assertThat(stack.stackStatusAsString()).as("CREATE_COMPLETE kept after the outputs fix").isEqualTo("CREATE_COMPLETE");
        assertThat(output(stack, "BootstrapVersion")).as("outputs exist after a change-set deploy").isEqualTo(Integer.toString(pinned));

        Run updated = bootstrap("--trust", "333333333333,444444444444", "--cloudformation-execution-policies", READ_ONLY);
        assertThat(updated.exitCode()).as(updated.output()).isZero();
        stack = stack();
        assertThat(stack.stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(parameter(stack, "TrustedAccounts")).isEqualTo("333333333333,444444444444");
        assertThat(parameter(stack, "CloudFormationExecutionPolicies")).isEqualTo(READ_ONLY);
        assertThat(parameter(stack, "TrustedAccountsForLookup")).as("not passed: kept").isEqualTo("666666666666");
        assertThat(output(stack, "BootstrapVersion")).isEqualTo(Integer.toString(pinned));
        assertThat(RealCdkBootstrap.ssmVersion(clients, "222222222222", REGION, "hnb659fds")).isEqualTo(Integer.toString(pinned));

        Run untrusted = bootstrap("--untrust", "333333333333", "--untrust", "666666666666",
                "--cloudformation-execution-policies", READ_ONLY);
        assertThat(untrusted.exitCode()).as(untrusted.output()).isZero();
        stack = stack();
        assertThat(parameter(stack, "TrustedAccounts")).as("--trust omitted: deployed list kept, minus --untrust")
                .isEqualTo("444444444444");
        assertThat(parameter(stack, "TrustedAccountsForLookup")).isEmpty();

        Run oneValue = bootstrap("--untrust", "444444444444,999999999999", "--cloudformation-execution-policies", READ_ONLY);
        assertThat(oneValue.exitCode()).as(oneValue.output()).isZero();
        assertThat(parameter(stack(), "TrustedAccounts")).as("--untrust A,B is ONE value: it matches no account")
                .isEqualTo("444444444444");
    }

    @Test
    void describeChangeSetOfAMissingChangeSetIsChangeSetNotFound() {
        try (EmulatorClients in = clients.inAccount("333333333333", REGION); var cfn = in.cloudFormation()) {
            assertThatThrownBy(() -> cfn.describeChangeSet(b -> b.stackName("CDKToolkit").changeSetName("nope")))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ChangeSetNotFound");
                    });
        }
    }

    @Test
    void deleteChangeSetOfAMissingChangeSetSucceedsOnlyWhenTheStackExists() {
        try (EmulatorClients in = clients.inAccount("333333333333", REGION); var cfn = in.cloudFormation()) {
            assertThatThrownBy(() -> cfn.deleteChangeSet(b -> b.stackName("NoSuchStack").changeSetName("nope")))
                    .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("Stack [NoSuchStack] does not exist");
                    });
            cfn.createStack(b -> b.stackName("Existing").templateBody(
                    "{\"Resources\":{\"H\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}}}"));
            cfn.deleteChangeSet(b -> b.stackName("Existing").changeSetName("nope")); // no exception: as in AWS
        }
    }

    private static Run bootstrap(String... args) throws Exception {
        return RealCdkBootstrap.bootstrap(clients, WORK, "222222222222", REGION, args);
    }

    private static Stack stack() {
        return RealCdkBootstrap.stack(clients, "222222222222", REGION, "CDKToolkit");
    }
}
