package dev.cdkbootstrap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {
    private final Map<String, String> env = new HashMap<>(Map.of(
            "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
            "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
            "CONFIG_BUCKET", "config-bucket", "CONFIG_KEY", "cdk-app.yml",
            "TARGET_ROLE_NAME", "cdk-bootstrap-target", "BUILD_PROJECT_NAME", "cdk-bootstrap",
            "STATE_MACHINE_ARN", "arn:aws:states:eu-west-1:999999999999:stateMachine:x"));

    @Test
    void everyStepIsBuiltWithoutCallingAws() {
        Wiring wiring = Wiring.from(env);

        assertThat(wiring.loadConfigStep()).isNotNull();
        assertThat(wiring.prepareTargetStep()).isNotNull();
        assertThat(wiring.startBootstrapStep()).isNotNull();
        assertThat(wiring.checkBootstrapStep()).isNotNull();
        assertThat(wiring.recordResultStep()).isNotNull();
        assertThat(wiring.summarizeStep()).isNotNull();
        assertThat(wiring.newAccountStep()).isNotNull();
    }

    @Test
    void aMissingSettingIsNamed() {
        env.remove("BUILD_PROJECT_NAME");

        assertThatThrownBy(() -> Wiring.from(env).startBootstrapStep())
                .hasMessage("environment variable BUILD_PROJECT_NAME is not set");
    }

    @Test
    void aPermissionsBoundaryThatIsNoPolicyNameIsNamed() {
        env.put("TOOLKIT_PERMISSIONS_BOUNDARY", "policy/with/path");

        assertThatThrownBy(() -> Wiring.from(env).prepareTargetStep()).hasMessageStartingWith(
                "environment variable TOOLKIT_PERMISSIONS_BOUNDARY: permissions boundary 'policy/with/path' is not");
    }

    @Test
    void aMissingRegionIsNamed() {
        env.remove("AWS_REGION");

        assertThatThrownBy(() -> Wiring.from(env)).hasMessage("AWS_REGION is not set");
    }
}
