package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.commandline.UsageException;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options that name an account or a target ({@code --without-role}, {@code --failing-build}, {@code --noop-build},
 * {@code --then-new-account}, the targets of {@code --given}) must name one of the config's (or of
 * {@code --then-config}'s), and {@code --outside-organization} an account the configs name (a target's or a
 * trusted one): a typo would silently test nothing. Checked before anything starts; a miss is a
 * {@link UsageException} with a "did you mean" and the first {@value #LISTED} of the config's accounts or
 * targets; every unknown target of a {@code --given} file is in its one message. An invalid config plans
 * nothing, so nothing is checked against it (the run reports the config's errors).
 */
final class OptionTargets {
    /** How many of the config's accounts or targets a message lists (a big config has hundreds). */
    static final int LISTED = 10;

    private OptionTargets() {}

    static void check(SandboxOptions options, List<ToolkitState> given) {
        List<LocalConfig> configs = new ArrayList<>(List.of(read(options.config(), options)));
        options.thenConfig().ifPresent(file -> configs.add(read(file, options)));
        if (configs.stream().anyMatch(c -> c.plan().isEmpty())) {
            return;
        }
        Set<String> accounts = new TreeSet<>();
        Set<String> targets = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        configs.forEach(c -> {
            accounts.addAll(c.accounts());
            targets.addAll(c.targets());
            named.addAll(c.namedAccounts());
        });
        String of = options.thenConfig().isPresent() ? " of the configs " + options.config() + " and "
                + options.thenConfig().get() : " of the config " + options.config();
        options.withoutRole().forEach(account -> require("--without-role " + account, account, accounts,
                "is not a target account" + of));
        options.failingBuilds().forEach(target -> require("--failing-build " + target, target, targets, "is not a target" + of));
        options.noopBuilds().forEach(target -> require("--noop-build " + target, target, targets, "is not a target" + of));
        options.thenNewAccount().ifPresent(account -> require("--then-new-account " + account, account, accounts,
                "is not a target account" + of + " (the NewAccount function would ignore it)"));
        options.outsideOrganization().forEach(account -> require("--outside-organization " + account, account, named,
                "is not an account" + of));
        List<ToolkitState> unknown = given.stream().filter(state -> !targets.contains(state.target())).toList();
        if (unknown.size() == 1) {
            ToolkitState state = unknown.get(0);
            require("--given " + state.source() + ": " + state.target(), state.target(), targets, "is not a target" + of);
        } else if (!unknown.isEmpty()) { // every miss of the file at once, each with its own "did you mean"
            throw new UsageException("--given " + options.given().orElseThrow() + ": " + unknown.size()
                    + " entries name no target" + of + ": " + CommandLines.listed(unknown.stream().map(state -> state.source()
                    + ": " + state.target() + suggestion(state.target(), targets)).toList(), LISTED)
                    + " (its targets: " + CommandLines.listed(targets, LISTED) + ")");
        }
    }

    private static void require(String what, String value, Set<String> known, String problem) {
        if (!known.contains(value)) {
            throw new UsageException(what + " " + problem + CommandLines.didYouMean(value, known)
                    + " (its " + (value.contains("/") ? "targets" : problem.startsWith("is not an account") ? "accounts"
                    : "target accounts") + ": " + CommandLines.listed(known, LISTED) + ")");
        }
    }

    /** {@code  (did you mean "X"?)} or nothing: CommandLines.didYouMean inside a list. */
    private static String suggestion(String value, Set<String> known) {
        String hint = CommandLines.didYouMean(value, known);
        return hint.isEmpty() ? "" : " (" + hint.substring(2) + ")";
    }

    private static LocalConfig read(Path file, SandboxOptions options) {
        try {
            return LocalConfig.read(file, options.policiesDirOf(file));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }
}
