package dev.cdkbootstrap.sandbox.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AssumeRoleGuardTest {
    private static String getRole(String trustJson, boolean urlEncoded) {
        String document = urlEncoded ? URLEncoder.encode(trustJson, StandardCharsets.UTF_8)
                : trustJson.replace("\"", "&quot;");
        return "<GetRoleResponse><GetRoleResult><Role><AssumeRolePolicyDocument>" + document
                + "</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>";
    }

    @Test
    void theExternalIdConditionOfTheTrustPolicyIsRequired() throws Exception {
        String trust = """
                {"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext"}}}]}""";
        assertThat(AssumeRoleGuard.requiredExternalId(getRole(trust, true))).contains("ext");
        assertThat(AssumeRoleGuard.requiredExternalId(getRole(trust, false))).contains("ext");
    }

    @Test
    void aTrustPolicyWithoutExternalIdRequiresNone() throws Exception {
        String trust = """
                {"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}""";
        assertThat(AssumeRoleGuard.requiredExternalId(getRole(trust, true))).isEmpty();
    }
}
