package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Warnings about options that name accounts or targets the configs do not have (SandboxSession#open). */
final class OptionWarnings {
    private OptionWarnings() {}

    /** A typo in an option's account or target would silently test nothing: say so. */
    static void outsideThePlan(SandboxOptions options, List<ToolkitState> given, LocalConfig config,
                               Optional<LocalConfig> thenConfig, PrintStream out) {
        if (config.plan().isEmpty()) {
            return; // an invalid config plans nothing; the run will say why
        }
        Set<String> accounts = new HashSet<>(config.accounts());
        Set<String> targets = new HashSet<>(config.targets());
        thenConfig.ifPresent(c -> {
            accounts.addAll(c.accounts());
            targets.addAll(c.targets());
        });
        for (String account : options.withoutRole()) {
            if (!accounts.contains(account)) {
                out.println("sandbox: warning: --without-role " + account + " is not an account of the config");
            }
        }
        for (String build : options.failingBuilds()) {
            if (!targets.contains(build)) {
                out.println("sandbox: warning: --failing-build " + build + " is not a target of the config");
            }
        }
        for (String build : options.noopBuilds()) {
            if (!targets.contains(build)) {
                out.println("sandbox: warning: --noop-build " + build + " is not a target of the config");
            }
        }
        for (ToolkitState state : given) {
            if (!targets.contains(state.target())) {
                out.println("sandbox: warning: --given " + state.source() + ": " + state.target()
                        + " is not a target of the config");
            }
        }
        options.thenNewAccount().filter(account -> !accounts.contains(account)).ifPresent(account ->
                out.println("sandbox: warning: --then-new-account " + account
                        + " is not in the config: the NewAccount function will ignore it"));
    }
}
