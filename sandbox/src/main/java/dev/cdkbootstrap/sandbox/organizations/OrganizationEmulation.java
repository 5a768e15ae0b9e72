package dev.cdkbootstrap.sandbox.organizations;

import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization the front endpoint emulates, if any: set once the deployment's OrganizationId is
 * known (an {@code o-...} value); unset (OrganizationId NONE) the Organizations route and the
 * {@code aws:ResourceOrgID} check stay out of the way. Each kind of emulated answer is printed once.
 */
public final class OrganizationEmulation {
    private final PrintStream log;
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();
    private volatile EmulatedOrganization organization;
    private volatile PrintStream out;

    /** @param log sandbox.log: every notice goes there too */
    public OrganizationEmulation(PrintStream log) {
        this.log = log;
    }

    /** Emulates {@code organization} from now on; notices are also printed on {@code out}. */
    public void emulate(EmulatedOrganization organization, PrintStream out) {
        this.out = out;
        this.organization = organization;
    }

    public Optional<EmulatedOrganization> organization() {
        return Optional.ofNullable(organization);
    }

    /** Prints {@code message} the first time {@code kind} applies (sandbox output and sandbox.log). */
    public void noticeOnce(String kind, String message) {
        if (noticed.add(kind)) {
            String line = "sandbox: [organizations] " + message;
            log.println(line);
            PrintStream printed = out;
            if (printed != null) {
                printed.println(line);
            }
        }
    }
}
