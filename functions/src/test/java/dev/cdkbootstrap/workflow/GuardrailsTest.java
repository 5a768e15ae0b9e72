package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.error.ConfigInvalid;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Refusal;
import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import dev.cdkbootstrap.workflow.port.OrganizationMembership.Organization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardrailsTest {
    private static final String ORG = "o-abcdefghij";
    private static final String MANAGEMENT = "100000000000";
    private static final String PROD = "333333333333";
    private static final String OUTSIDER = "888888888888";
    private final InMemoryTargets accounts = new InMemoryTargets();

    private static OrganizationMembership own(String account, Organization organization) {
        return new OrganizationMembership() {
            @Override
            public String accountId() {
                return account;
            }

            @Override
            public Optional<Organization> organization() {
                return Optional.ofNullable(organization);
            }
        };
    }

    private Guardrails guardrails(boolean allowManagement) {
        return new Guardrails(new Guardrails.Settings(Set.of(PIPELINE), ORG, allowManagement),
                own(PIPELINE, new Organization(ORG, MANAGEMENT)), accounts);
    }

    private static Target trusting(String account, String... trust) {
        return Fixtures.target(account, "eu-west-1", List.of(trust), List.of());
    }

    @Test
    void aPipelineAccountOutsidePipelineAccountsRefusesTheConfigNamingIt() {
        assertThatThrownBy(() -> guardrails(false).checkPipeline("s3://b/cdk-app.yml", new Plan.Pipeline(OUTSIDER,
                "eu-west-1"))).isInstanceOf(ConfigInvalid.class)
                .hasMessageContaining("s3://b/cdk-app.yml: cdk_app_config.pipeline.account: 888888888888 is not a"
                        + " pipeline account this deployment allows (PipelineAccounts: 999999999999)");
        guardrails(false).checkPipeline("f", new Plan.Pipeline(PIPELINE, "eu-west-1"));
    }

    @Test
    void trustInTheOrchestratorsOwnAccountIsProvenByItsOwnAnswerWithoutAssumingARole() {
        Map<String, Refusal> refusals = guardrails(false).refusals(List.of(trusting(DEV, PIPELINE)), "run-1");

        assertThat(refusals).isEmpty();
        assertThat(accounts.sessions).isEmpty();
    }

    @Test
    void aTrustedAccountIsProvenByItsOwnAnswerThroughItsTargetRoleOncePerRun() {
        accounts.account(DEV).organization = new Organization(ORG, MANAGEMENT);

        Map<String, Refusal> refusals = guardrails(false).refusals(List.of(trusting(PROD, PIPELINE, DEV),
                trusting("444444444444", PIPELINE, DEV)), "run-1");

        assertThat(refusals).isEmpty();
        assertThat(accounts.sessions).extracting(s -> s.account()).containsExactly(DEV);
    }

    @Test
    void everyTargetTrustingAnAccountOfAnotherOrNoOrganizationOrOneThatCannotBeAskedIsRefusedNamingIt() {
        accounts.account(DEV).organization = new Organization("o-otherorgxx", "200000000000");
        accounts.deniedAccounts.add(OUTSIDER);
        var kept = trusting("555555555555", PIPELINE);

        Map<String, Refusal> refusals = guardrails(false).refusals(List.of(trusting(PROD, PIPELINE, DEV),
                trusting("444444444444", OUTSIDER), trusting("666666666666", "777777777777"), kept), "run-1");

        assertThat(refusals).containsOnlyKeys("333333333333/eu-west-1", "444444444444/eu-west-1",
                "666666666666/eu-west-1");
        assertThat(refusals.values()).extracting(Refusal::code).containsOnly(ReasonCode.TRUST_OUTSIDE_ORGANIZATION);
        assertThat(refusals.get("333333333333/eu-west-1").reason())
                .startsWith("would trust 111111111111, which is not proven to be in organization o-abcdefghij: it is in o-otherorgxx");
        assertThat(refusals.get("444444444444/eu-west-1").reason()).contains("888888888888").contains("could not be read");
        assertThat(refusals.get("666666666666/eu-west-1").reason()).contains("it says it is in no organization");
    }

    @Test
    void anAccountTrustedForLookupsOnlyMustBeProvenAMemberToo() {
        accounts.deniedAccounts.add(OUTSIDER);
        Target lookingOut = Fixtures.withSettings(trusting(PROD, PIPELINE), new ToolkitSettings(List.of(OUTSIDER), null,
                null, null, null, null, null));

        Map<String, Refusal> refusals = guardrails(false).refusals(List.of(lookingOut), "run-1");

        assertThat(refusals.get(lookingOut.id())).satisfies(r -> assertThat(r.code())
                .isEqualTo(ReasonCode.TRUST_OUTSIDE_ORGANIZATION)).satisfies(r -> assertThat(r.reason()).startsWith(
                        "would trust 888888888888 for lookups (trust_for_lookup), which is not proven to be in organization"
                                + " o-abcdefghij: its answer could not be read"));
        assertThat(accounts.sessions).extracting(s -> s.account()).containsExactly(OUTSIDER);
    }

    @Test
    void theManagementAccountIsNeverATargetUnlessAllowed() {
        var management = trusting(MANAGEMENT, PIPELINE);

        assertThat(guardrails(false).refusals(List.of(management), "run-1").get(management.id()))
                .satisfies(r -> assertThat(r.code()).isEqualTo(ReasonCode.MANAGEMENT_ACCOUNT))
                .satisfies(r -> assertThat(r.reason()).contains("100000000000 is the management account of o-abcdefghij"));
        assertThat(guardrails(true).refusals(List.of(management), "run-1")).isEmpty();
    }

    @Test
    void aDeploymentWhoseOwnAccountIsNotInItsOrganizationFailsTheRun() {
        var elsewhere = new Guardrails(new Guardrails.Settings(Set.of(), ORG, false),
                own(PIPELINE, new Organization("o-otherorgxx", MANAGEMENT)), accounts);
        var none = new Guardrails(new Guardrails.Settings(Set.of(), ORG, false), own(PIPELINE, null), accounts);

        assertThatThrownBy(() -> elsewhere.refusals(List.of(trusting(DEV, PIPELINE)), "r"))
                .hasMessageContaining("OrganizationId is o-abcdefghij but its own account 999999999999 is in o-otherorgxx");
        assertThatThrownBy(() -> none.refusals(List.of(trusting(DEV, PIPELINE)), "r"))
                .hasMessageContaining("is in no organization");
    }

    @Test
    void withoutAnOrganizationNothingIsAskedAndNothingRefused() {
        var noOrg = new Guardrails(new Guardrails.Settings(Set.of(), null, false), null, accounts);

        assertThat(noOrg.refusals(List.of(trusting(DEV, OUTSIDER)), "r")).isEmpty();
        assertThat(accounts.sessions).isEmpty();
    }
}
