package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.deploy.TargetRoles;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A permissions boundary cdk-app.yml names ({@code permissions_boundary: NAME}) must exist in the target
 * account before a run, like the target role (the operator's job; docs/deploy.md): the sandbox creates each
 * one (allowing *) in the accounts of the targets of either config that name it, and prints a line per policy.
 * {@code cdk-example} is not created here: the CLI creates it.
 */
final class ConfiguredBoundaries {

    private ConfiguredBoundaries() {}

    static void create(Sandbox sandbox, LocalConfig config, Optional<LocalConfig> thenConfig, PrintStream out) {
        Map<String, Set<String>> named = new TreeMap<>();
        config.namedBoundaries().forEach((name, accounts) -> named.computeIfAbsent(name, n -> new TreeSet<>()).addAll(accounts));
        thenConfig.ifPresent(c -> c.namedBoundaries()
                .forEach((name, accounts) -> named.computeIfAbsent(name, n -> new TreeSet<>()).addAll(accounts)));
        named.forEach((name, accounts) -> {
            accounts.forEach(account -> TargetRoles.createBoundary(sandbox.clients(), account, name,
                    "sandbox: a permissions_boundary of cdk-app.yml"));
            out.println("sandbox: cdk-app.yml names permissions boundary " + name + ": created the managed policy " + name
                    + " (allows *) in " + accounts + ", as the operator must before a run");
        });
    }
}
