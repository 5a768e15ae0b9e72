package dev.cdkbootstrap.plan;

import java.util.List;

/**
 * The bootstrap plan: one {@link Target} per (account, region), ordered by account then region.
 * Its JSON form (see docs/contracts.md) is read by other tools; same input, same bytes.
 */
public record Plan(String appPrefix, Pipeline pipeline, List<Target> targets, List<String> warnings) {

    public record Pipeline(String account, String region) {}
}
