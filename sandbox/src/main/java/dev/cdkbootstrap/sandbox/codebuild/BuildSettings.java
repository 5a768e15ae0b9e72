package dev.cdkbootstrap.sandbox.codebuild;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import java.util.List;
import java.util.Optional;

/**
 * How the local CodeBuild runs builds: targets (ACCOUNT/REGION) whose {@code cdk bootstrap} fails
 * ({@code --failing-build}) or exits 0 changing nothing ({@code --noop-build}), how many builds run at
 * a time, whether builds run the buildspec with bash and the real CDK CLI or are simulated
 * ({@code --simulated-builds}, {@link SimulatedBuilds}), and an older CDK CLI that is not installed
 * ({@code --upgrade-cdk-from}): builds asking for its version ({@code CDK_VERSION}) are simulated at its
 * template version.
 */
public record BuildSettings(List<String> failing, List<String> noop, int parallel, boolean simulated,
                            Optional<PinnedCdkCli> olderCli) {
    public BuildSettings {
        failing = List.copyOf(failing);
        noop = List.copyOf(noop);
    }

    /** No older CLI. */
    public BuildSettings(List<String> failing, List<String> noop, int parallel, boolean simulated) {
        this(failing, noop, parallel, simulated, Optional.empty());
    }
}
