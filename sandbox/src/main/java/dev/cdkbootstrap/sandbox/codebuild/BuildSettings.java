package dev.cdkbootstrap.sandbox.codebuild;

import java.util.List;

/**
 * How the local CodeBuild runs builds: targets (ACCOUNT/REGION) whose {@code cdk bootstrap} fails
 * ({@code --failing-build}) or exits 0 changing nothing ({@code --noop-build}), how many builds run at
 * a time, and whether builds run the buildspec with bash and the real CDK CLI or are simulated
 * ({@code --simulated-builds}, {@link SimulatedBuilds}).
 */
public record BuildSettings(List<String> failing, List<String> noop, int parallel, boolean simulated) {
    public BuildSettings {
        failing = List.copyOf(failing);
        noop = List.copyOf(noop);
    }
}
