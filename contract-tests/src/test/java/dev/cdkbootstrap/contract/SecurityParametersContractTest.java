package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.deploy.TemplateParameters;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hardening parameters of template.yaml (and target-account/role.yaml's OrganizationId) take what
 * they document and refuse the rest, checked as CloudFormation checks them: the AllowedPattern compiled
 * with java.util.regex and matched against the whole value (each element of a CommaDelimitedList).
 */
class SecurityParametersContractTest {
    private final TemplateParameters template = TemplateParameters.of(ProjectFiles.path("template.yaml"));
    private final TemplateParameters role = TemplateParameters.of(ProjectFiles.path("target-account/role.yaml"));
    private final JsonNode parameters = CloudFormationYaml.read(ProjectFiles.path("template.yaml")).path("Parameters");

    @Test
    void organizationIdIsRequiredAndIsAnOrganizationOrNone() {
        for (TemplateParameters file : List.of(template, role)) {
            assertThat(file.defaultOf("OrganizationId")).as("required: no Default").isEmpty();
            accepts(file, "OrganizationId", "o-a1b2c3d4e5", "o-" + "a".repeat(32), "NONE");
            refuses(file, "OrganizationId", "", "none", "o-short", "o-" + "a".repeat(33), "o-UPPERCASE1", "O-a1b2c3d4e5",
                    "o-a1b2c3d4e5\n", " NONE", "r-a1b2c3d4e5");
        }
        assertThat(parameters.path("OrganizationId").path("ConstraintDescription").asText()).contains("NONE");
    }

    @Test
    void pipelineAccountsAreACommaListOfAccountIdsOrEmpty() {
        assertThat(template.defaultOf("PipelineAccounts")).contains("");
        accepts(template, "PipelineAccounts", "", "111111111111", "111111111111,222222222222,333333333333");
        refuses(template, "PipelineAccounts", "1111", "111111111111,", ",111111111111", "111111111111, 222222222222",
                "111111111111;222222222222", "1111111111111", "abcdefghijkl");
    }

    @Test
    void allowManagementAccountIsTrueOrFalseAndFalseByDefault() {
        assertThat(template.defaultOf("AllowManagementAccount")).contains("false");
        accepts(template, "AllowManagementAccount", "true", "false");
        refuses(template, "AllowManagementAccount", "yes", "TRUE", "");
    }

    @Test
    void configPublishersAreRequiredIamPrincipalArnsOfAnAccountWithArnLikeWildcards() {
        assertThat(template.isList("ConfigPublisherArns")).isTrue();
        assertThat(template.defaultOf("ConfigPublisherArns")).as("required: no Default").isEmpty();
        accepts(template, "ConfigPublisherArns", "arn:aws:iam::111111111111:role/ci-*",
                "arn:aws:iam::111111111111:role/ci-publisher,arn:aws:iam::111111111111:user/release-manager",
                "arn:aws:iam::111111111111:role/team/path/deployer", "arn:aws-us-gov:iam::111111111111:role/ci",
                "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:role/ci-?");
        refuses(template, "ConfigPublisherArns", "", "*", "arn:aws:iam::*:role/ci", "arn:aws:iam::111111111111:role/ci,",
                "arn:aws:sts::111111111111:assumed-role/ci/session", "arn:aws:iam::11111111111:role/ci",
                "arn:aws:s3:::bucket", "arn:aws:iam::111111111111:group/admins", "arn:aws:iam::111111111111:role/");
    }

    private static void accepts(TemplateParameters file, String name, String... values) {
        for (String value : values) {
            assertThat(file.problem(name, value)).as(name + "=" + value).isEmpty();
        }
    }

    private static void refuses(TemplateParameters file, String name, String... values) {
        for (String value : values) {
            assertThat(file.problem(name, value)).as(name + "=" + value + " must be refused").isPresent();
        }
    }
}
