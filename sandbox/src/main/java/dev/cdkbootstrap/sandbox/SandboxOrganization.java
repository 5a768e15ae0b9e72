package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organization a sandbox session emulates (docs/sandbox.md, "Organizations"): the one the deployed
 * OrganizationId names ({@code o-...}; {@value #DEFAULT_ID} unless a parameter says otherwise), with
 * the management account of {@code --management-account} and as members every account the configs
 * name, the deployment account, the management account and a {@code --then-new-account} account (it
 * is created in the organization), minus {@code --outside-organization}. None for NONE (or empty).
 */
final class SandboxOrganization {
    /** The sandbox's OrganizationId, so that a sample run exercises the organization checks. */
    static final String DEFAULT_ID = "o-sandbox0001";

    private SandboxOrganization() {}

    static Optional<EmulatedOrganization> of(String organizationId, SandboxOptions options, String deploymentAccount,
                                             LocalConfig config, Optional<LocalConfig> thenConfig) {
        if (organizationId == null || organizationId.isEmpty() || organizationId.equals("NONE")) {
            return Optional.empty();
        }
        Set<String> named = new TreeSet<>(config.namedAccounts());
        thenConfig.ifPresent(c -> named.addAll(c.namedAccounts()));
        named.add(deploymentAccount);
        options.thenNewAccount().ifPresent(named::add);
        return Optional.of(EmulatedOrganization.of(organizationId, options.managementAccount(), named,
                options.outsideOrganization()));
    }

    /**
     * One line on what is emulated (or that nothing is), the only one naming the members: their count and at most
     * {@value OptionTargets#LISTED} of them; OptionTargets refused outside accounts the configs do not name.
     */
    static void describe(Optional<EmulatedOrganization> organization, SandboxOptions options, PrintStream out) {
        if (organization.isEmpty()) {
            out.println("sandbox: OrganizationId NONE: no organization is emulated; the organization checks are off"
                    + (options.outsideOrganization().isEmpty() ? "" : " and --outside-organization does nothing"));
            return;
        }
        EmulatedOrganization org = organization.get();
        out.println("sandbox: emulating organization " + org.id() + " (management account " + org.managementAccount()
                + "): " + org.members().size() + " members: " + CommandLines.listed(org.members(), OptionTargets.LISTED)
                + (options.outsideOrganization().isEmpty() ? "" : "; outside it: " + options.outsideOrganization()));
    }
}
