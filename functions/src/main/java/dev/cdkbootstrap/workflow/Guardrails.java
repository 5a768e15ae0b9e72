package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.ConfigInvalid;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Refusal;
import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import dev.cdkbootstrap.workflow.port.OrganizationMembership.Organization;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The deployment's guardrails, applied by LoadConfig to a plan before anything runs (docs/deploy.md,
 * "Security model"):
 * <ul>
 * <li>{@code pipeline.account} must be one of PipelineAccounts, else the whole config is refused;</li>
 * <li>with an organization (OrganizationId not NONE): the orchestrator's own account must be in it
 *     (else the run fails: the deployment is wrong); the management account is not a target unless
 *     AllowManagementAccount; every account a target would trust, for deployment or for lookups
 *     ({@code trust_for_lookup}: its lookup role reads the account), must be PROVEN a member: the
 *     orchestrator's own account by its own answer, any other by its answer through its target role.
 *     A target whose trust is not proven is refused, naming the account and why.</li>
 * </ul>
 * Trusted accounts are few (the pipeline account and each set's dev account), so each is asked once
 * per run, {@value #PARALLEL_PROOFS} at a time.
 */
public final class Guardrails {
    static final int PARALLEL_PROOFS = 8;

    /**
     * @param pipelineAccounts the accounts allowed as {@code pipeline.account} (empty: any)
     * @param organizationId   {@code o-...}, or null for NONE (no organization checks)
     */
    public record Settings(Set<String> pipelineAccounts, String organizationId, boolean allowManagementAccount) {
        /** No guardrail (tests, and tools that only plan). */
        public static Settings none() {
            return new Settings(Set.of(), null, true);
        }
    }

    /** No guardrail and no AWS: plans as the config says (tests, tools that only plan). */
    public static Guardrails none() {
        return new Guardrails(Settings.none(), null, null);
    }

    private final Settings settings;
    private final OrganizationMembership own;
    private final TargetConnector connector;

    public Guardrails(Settings settings, OrganizationMembership own, TargetConnector connector) {
        this.settings = settings;
        this.own = own;
        this.connector = connector;
    }

    /** @throws ConfigInvalid naming the file, the pipeline account and the allowed ones */
    public void checkPipeline(String file, Plan.Pipeline pipeline) {
        if (!settings.pipelineAccounts().isEmpty() && !settings.pipelineAccounts().contains(pipeline.account())) {
            throw new ConfigInvalid(file + ": cdk_app_config.pipeline.account: " + pipeline.account()
                    + " is not a pipeline account this deployment allows (PipelineAccounts: "
                    + String.join(",", settings.pipelineAccounts().stream().sorted().toList())
                    + "); nothing was run. Use an allowed account, or add it to the stack's PipelineAccounts parameter");
        }
    }

    /**
     * @return the refused targets by {@link Target#id()}; empty without an organization
     * @throws IllegalStateException when the orchestrator's own account is not in the organization
     */
    public Map<String, Refusal> refusals(List<Target> targets, String sessionName) {
        if (settings.organizationId() == null || targets.isEmpty()) {
            return Map.of();
        }
        String org = settings.organizationId();
        Organization ours = own.organization().orElseThrow(() -> new IllegalStateException("this deployment's"
                + " OrganizationId is " + org + " but its own account " + own.accountId() + " is in no organization;"
                + " redeploy with the right OrganizationId (or NONE)"));
        if (!ours.id().equals(org)) {
            throw new IllegalStateException("this deployment's OrganizationId is " + org + " but its own account "
                    + own.accountId() + " is in " + ours.id() + "; redeploy with the right OrganizationId");
        }
        Map<String, String> unproven = prove(trusted(targets, own.accountId()), sessionName);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (Target target : targets) {
            if (target.account().equals(ours.managementAccount()) && !settings.allowManagementAccount()) {
                refusals.put(target.id(), new Refusal(ReasonCode.MANAGEMENT_ACCOUNT, "account " + target.account()
                        + " is the management account of " + org + "; this deployment does not bootstrap it"
                        + " (AllowManagementAccount is false; docs/deploy.md says why)"));
                continue;
            }
            Optional<String> trusted = target.trust().stream().filter(unproven::containsKey).findFirst();
            Optional<String> lookup = target.settings().trustForLookup().stream().filter(unproven::containsKey).findFirst();
            trusted.or(() -> lookup).ifPresent(account -> refusals.put(target.id(), new Refusal(
                    ReasonCode.TRUST_OUTSIDE_ORGANIZATION, "would trust " + account + (trusted.isPresent() ? ""
                            : " for lookups (trust_for_lookup)") + ", which is not proven to be in organization " + org
                            + ": " + unproven.get(account) + "; nothing was changed in " + target.id())));
        }
        return refusals;
    }

    /**
     * Accounts some target trusts (for deployment or for lookups), other than our own, each with a target
     * (partition, region) to ask from.
     */
    private static Map<String, Target> trusted(List<Target> targets, String ownAccount) {
        Map<String, Target> trusted = new LinkedHashMap<>();
        for (Target target : targets) {
            java.util.stream.Stream.concat(target.trust().stream(), target.settings().trustForLookup().stream())
                    .filter(a -> !a.equals(ownAccount)).forEach(a -> trusted.putIfAbsent(a, target));
        }
        return trusted;
    }

    /** @return the accounts NOT proven members, each with why */
    private Map<String, String> prove(Map<String, Target> trusted, String sessionName) {
        Map<String, String> unproven = new LinkedHashMap<>();
        if (trusted.isEmpty()) {
            return unproven;
        }
        var daemons = Thread.ofPlatform().name("guardrails-", 0).daemon().factory();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_PROOFS, trusted.size()), daemons)) {
            Map<String, Future<Optional<String>>> asked = new LinkedHashMap<>();
            trusted.forEach((account, via) -> asked.put(account, pool.submit(() -> whyNotMember(account, via,
                    sessionName))));
            for (var entry : asked.entrySet()) {
                await(entry.getValue()).ifPresent(why -> unproven.put(entry.getKey(), why));
            }
        }
        return unproven;
    }

    /** Empty when the account says it is in our organization; otherwise why it is not proven. */
    private Optional<String> whyNotMember(String account, Target via, String sessionName) {
        var session = new TargetConnector.TargetSession(account, via.partition(), via.region(), sessionName);
        try (TargetAccount target = connector.connect(session)) {
            Optional<Organization> org = target.membership().organization();
            if (org.isEmpty()) {
                return Optional.of("it says it is in no organization");
            }
            return org.get().id().equals(settings.organizationId()) ? Optional.empty()
                    : Optional.of("it is in " + org.get().id());
        } catch (RuntimeException e) { // denied, or the role is missing: nothing proves membership
            return Optional.of("its answer could not be read (" + e.getMessage() + "); the orchestrator can assume"
                    + " target roles only in accounts of the organization, so this is also what an outside account"
                    + " looks like");
        }
    }

    private static Optional<String> await(Future<Optional<String>> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proving organization membership", e);
        }
    }
}
