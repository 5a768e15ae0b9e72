package dev.cdkbootstrap.sandbox.codebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulated build reads its environment as the buildspec does. */
class BuildRequestsTest {

    @Test
    void tagsAreDecodedAsTheBuildspecsPrintfDoes() {
        assertThat(BuildRequests.tags("cost center=R%26D%2C 50%25 %3D half,%C3%A9t%C3%A9=x%5Cy"))
                .containsExactly(Map.entry("cost center", "R&D, 50% = half"), Map.entry("été", "x\\y"));
    }

    @Test
    void everySettingOfTheEnvironmentBecomesAnOptionAndTheCommandLineNamesIt() {
        SimulatedBootstrap.Request request = BuildRequests.request(Map.ofEntries(Map.entry("TRUST", "111111111111"),
                Map.entry("EXECUTION_POLICIES", "arn:aws:iam::aws:policy/ReadOnlyAccess"), Map.entry("QUALIFIER", "hnb659fds"),
                Map.entry("TRUST_FOR_LOOKUP", "222222222222"), Map.entry("PERMISSIONS_BOUNDARY", "b"),
                Map.entry("PERMISSIONS_BOUNDARY_ALL_ROLES", "true"), Map.entry("TERMINATION_PROTECTION", "false"),
                Map.entry("TAGS", "team=ml"), Map.entry("KMS_KEY", "create"), Map.entry("PUBLIC_ACCESS_BLOCK", "true"),
                Map.entry("TEMPLATE_PATH", "t.yaml"), Map.entry("EXAMPLE_PERMISSIONS_BOUNDARY", "")));

        assertThat(BuildRequests.commandLine("111111111111/eu-west-1", request, "CDKToolkit")).isEqualTo(
                "cdk bootstrap aws://111111111111/eu-west-1 --trust 111111111111 --cloudformation-execution-policies"
                + " arn:aws:iam::aws:policy/ReadOnlyAccess --trust-for-lookup 222222222222 --custom-permissions-boundary b"
                + " --termination-protection false --tags 'team=ml' --bootstrap-customer-key"
                + " --public-access-block-configuration true --template t.yaml --apply-permissions-boundary-to-all-roles");
    }

    @Test
    void emptyVariablesAreNotGiven() {
        SimulatedBootstrap.Request request = BuildRequests.request(Map.of("EXECUTION_POLICIES", "p", "TAGS", "",
                "TERMINATION_PROTECTION", "", "KMS_KEY", ""));

        assertThat(request.options()).isEqualTo(SimulatedBootstrap.Options.NONE);
    }

    @Test
    void aCustomTemplatesVariantAndVersionAreReadAsTheCliReadsThem() {
        String yaml = "Parameters:\n  BootstrapVariant:\n    Type: String\n    Default: 'Team: Hardened'\n"
                + "Resources:\n  CdkBootstrapVersion:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: '41'\n"
                + "      Name: !Sub '/cdk-bootstrap/${Qualifier}/version'\n";
        assertThat(BuildRequests.facts(yaml, "t.yaml", "default")).isEqualTo(new BuildRequests.TemplateFacts("Team: Hardened", 41));
        assertThat(BuildRequests.facts("{\"Outputs\": {\"BootstrapVersion\": {\"Value\": 7}}}", "t.json", "default"))
                .isEqualTo(new BuildRequests.TemplateFacts("default", 7));
    }
}
