package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cdkbootstrap.sandbox.emulator.PythonTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The templates pass the pinned cfn-lint and the state machine passes asl-validator (both with no findings). */
class LintContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "target-account/role.yaml"})
    void templateLintsCleanWithCfnLint(String template) throws IOException {
        Processes.Result result = Processes.run(List.of(PythonTools.cfnLint(), template), ProjectFiles.root(), null);
        assertThat(result.output()).as("cfn-lint " + template).isEmpty();
        assertThat(result.exitCode()).as("cfn-lint exit code").isZero();
    }

    @Test
    void stateMachineDefinitionPassesAslValidator() throws IOException {
        Processes.Result result = aslValidator(ProjectFiles.path("statemachine/bootstrap.asl.json"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void aslValidatorRejectsATransitionToAMissingState(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.asl.json");
        Files.writeString(broken, ProjectFiles.text("statemachine/bootstrap.asl.json")
                .replace("\"Next\": \"ChooseAction\"", "\"Next\": \"NoSuchState\""));
        assertThat(aslValidator(broken).exitCode()).isNotZero();
    }

    private static Processes.Result aslValidator(Path definition) throws IOException {
        Path validator = ProjectFiles.path("node_modules/.bin/asl-validator");
        if (!Files.isExecutable(validator)) {
            fail("node_modules/.bin/asl-validator is missing: run `npm ci --no-audit --no-fund` in " + ProjectFiles.root());
        }
        // asl-validator 4.0.0 takes the file with --json-path.
        return Processes.run(List.of(validator.toString(), "--json-path", definition.toString()),
                ProjectFiles.root(), null);
    }
}
