package dev.cdkbootstrap.sandbox.toolkit;

import static dev.cdkbootstrap.sandbox.RealCdkBootstrap.output;
import static dev.cdkbootstrap.sandbox.RealCdkBootstrap.parameter;
import static dev.cdkbootstrap.sandbox.RealCdkBootstrap.ssmVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.sandbox.RealCdkBootstrap;
import dev.cdkbootstrap.sandbox.RealCdkBootstrap.Run;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackSummary;

/** Each kind of --given state, as the front endpoint answers for it, and what the real CLI then does with it. */
class GivenToolkitsIT {
    private static final String REGION = "eu-west-1";
    private static final Path WORK = Path.of("target/sandbox-it/given");
    private static Sandbox sandbox;
    private static EmulatorClients clients;
    private static BootstrapTemplate pinned;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(RealCdkBootstrap.projectRoot(), WORK, new BuildSettings(List.of(), List.of(), 2, false));
        clients = sandbox.clients();
        pinned = sandbox.toolkitStacks().template();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void anOlderToolkitIsRealWithItsVersionInTheOutputAndTheSsmParameter() {
        put("""
                - target: "210000000001/eu-west-1"
                  version: 30
                  trust: ["999999999999"]
                  trustForLookup: ["888888888888"]
                  executionPolicies: ["arn:aws:iam::210000000001:policy/exec"]
                """);
        Stack stack = stack("210000000001", "CDKToolkit");
        assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(parameter(stack, "TrustedAccounts")).isEqualTo("999999999999");
        assertThat(parameter(stack, "TrustedAccountsForLookup")).isEqualTo("888888888888");
        assertThat(parameter(stack, "CloudFormationExecutionPolicies")).isEqualTo("arn:aws:iam::210000000001:policy/exec");
        assertThat(parameter(stack, "Qualifier")).isEqualTo("hnb659fds");
        assertThat(parameter(stack, "BootstrapVariant")).isEqualTo(pinned.defaultVariant());
        assertThat(output(stack, "BootstrapVersion")).isEqualTo("30");
        assertThat(ssmVersion(clients, "210000000001", REGION, "hnb659fds")).isEqualTo("30");
    }

    @Test
    void aCustomVariantQualifierAndStackNameWithTheSsmParameterDeletedOrChanged() {
        put("""
                - target: "210000000002/eu-west-1"
                  stackName: Custom
                  qualifier: custom1
                  variant: "Acme: hardened"
                  ssmVersion: missing
                - target: "210000000002/eu-west-1"
                  qualifier: other
                  ssmVersion: 28
                """);
        Stack custom = stack("210000000002", "Custom");
        assertThat(parameter(custom, "BootstrapVariant")).isEqualTo("Acme: hardened");
        assertThat(parameter(custom, "Qualifier")).isEqualTo("custom1");
        assertThat(output(custom, "BootstrapVersion")).isEqualTo(Integer.toString(pinned.version()));
        assertThat(ssmVersion(clients, "210000000002", REGION, "custom1")).as("deleted after the stack was built").isNull();
        assertThat(ssmVersion(clients, "210000000002", REGION, "other")).isEqualTo("28");
        assertThat(output(stack("210000000002", "CDKToolkit"), "BootstrapVersion")).isEqualTo(Integer.toString(pinned.version()));
    }

    @Test
    void updateCompleteAndDeleteCompleteAreReal() {
        put("""
                - target: "210000000003/eu-west-1"
                  status: UPDATE_COMPLETE
                - target: "210000000003/eu-west-1"
                  stackName: Gone
                  qualifier: gone
                  status: DELETE_COMPLETE
                """);
        Stack updated = stack("210000000003", "CDKToolkit");
        assertThat(updated.stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(updated.stackStatusReason()).as("real, not presented").isNull();
        assertThat(output(updated, "BootstrapVersion")).isEqualTo(Integer.toString(pinned.version()));
        assertThatThrownBy(() -> stack("210000000003", "Gone")).isInstanceOf(CloudFormationException.class)
                .hasMessageContaining("does not exist");
        assertThat(ssmVersion(clients, "210000000003", REGION, "gone")).isNull();
    }

    @Test
    void aPresentedStatusIsAnsweredUntilTheStackIsNextChangedAndOnlyForThatStack() {
        put("""
                - target: "210000000004/eu-west-1"
                  status: UPDATE_ROLLBACK_FAILED
                - target: "210000000005/eu-west-1"
                """);
        Stack presented = stack("210000000004", "CDKToolkit");
        assertThat(presented.stackStatusAsString()).isEqualTo("UPDATE_ROLLBACK_FAILED");
        assertThat(presented.stackStatusReason()).contains("presented by the sandbox").contains("--given");
        assertThat(output(presented, "BootstrapVersion")).as("over the whole toolkit").isEqualTo(Integer.toString(pinned.version()));
        assertThat(listed("210000000004")).extracting(StackSummary::stackStatusAsString).containsExactly("UPDATE_ROLLBACK_FAILED");
        assertThat(stack("210000000005", "CDKToolkit").stackStatusAsString()).as("same name, other account")
                .isEqualTo("CREATE_COMPLETE");

        try (EmulatorClients in = clients.inAccount("210000000004", REGION); var cfn = in.cloudFormation()) {
            cfn.updateStack(b -> b.stackName("CDKToolkit").usePreviousTemplate(true));
        }
        assertThat(stack("210000000004", "CDKToolkit").stackStatusAsString()).as("the change ended the presentation")
                .isEqualTo("UPDATE_COMPLETE");
    }

    @Test
    void aFailedCreationIsDeletedAndCreatedAgainByTheRealCli() throws Exception {
        put("""
                - target: "210000000006/eu-west-1"
                  status: ROLLBACK_COMPLETE
                  trust: ["999999999999"]
                """);
        Stack failed = stack("210000000006", "CDKToolkit");
        assertThat(failed.stackStatusAsString()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(parameter(failed, "TrustedAccounts")).isEqualTo("999999999999");
        assertThat(failed.outputs()).as("a failed creation has no outputs").isEmpty();
        assertThat(ssmVersion(clients, "210000000006", REGION, "hnb659fds")).isNull();

        RealCdkBootstrap.createRoles(clients, "210000000006");
        Run run = RealCdkBootstrap.bootstrap(clients, WORK, "210000000006", REGION, "--trust", "111111111111",
                "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess");

        assertThat(run.exitCode()).as(run.output()).isZero();
        Stack created = stack("210000000006", "CDKToolkit");
        assertThat(created.stackId()).as("a new stack").isNotEqualTo(failed.stackId());
        assertThat(created.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(parameter(created, "TrustedAccounts")).isEqualTo("111111111111");
        assertThat(output(created, "BootstrapVersion")).isEqualTo(Integer.toString(pinned.version()));
        assertThat(ssmVersion(clients, "210000000006", REGION, "hnb659fds")).isEqualTo(Integer.toString(pinned.version()));
        assertThat(listed("210000000006")).filteredOn(s -> s.stackId().equals(failed.stackId()))
                .extracting(StackSummary::stackStatusAsString).containsExactly("DELETE_COMPLETE");
    }

    @Test
    void reviewInProgressIsRealAndTheRealCliCreatesOneStackOfThatName() throws Exception {
        put("""
                - target: "210000000007/eu-west-1"
                  status: REVIEW_IN_PROGRESS
                """);
        assertThat(stack("210000000007", "CDKToolkit").stackStatusAsString()).isEqualTo("REVIEW_IN_PROGRESS");
        assertThat(ssmVersion(clients, "210000000007", REGION, "hnb659fds")).as("nothing created yet").isNull();

        RealCdkBootstrap.createRoles(clients, "210000000007");
        Run run = RealCdkBootstrap.bootstrap(clients, WORK, "210000000007", REGION,
                "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(stack("210000000007", "CDKToolkit").stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(listed("210000000007")).filteredOn(s -> !s.stackStatusAsString().equals("DELETE_COMPLETE")).hasSize(1);
        assertThat(ssmVersion(clients, "210000000007", REGION, "hnb659fds")).isEqualTo(Integer.toString(pinned.version()));
    }

    private static void put(String entries) {
        List<ToolkitState> states = GivenFile.parse("given.yml", ("toolkits:\n" + entries).getBytes());
        states.forEach(state -> System.out.println(sandbox.toolkitStacks().put(clients, state)));
    }

    private static Stack stack(String account, String name) {
        return RealCdkBootstrap.stack(clients, account, REGION, name);
    }

    private static List<StackSummary> listed(String account) {
        try (EmulatorClients in = clients.inAccount(account, REGION); var cfn = in.cloudFormation()) {
            return cfn.listStacks().stackSummaries();
        }
    }
}
