package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.Place;
import java.util.Set;

/**
 * One place in cdk-app.yml that asks for a target: the pipeline or one stage. Several
 * contributions with the same (account, region) merge into one {@link Target}.
 *
 * @param source {@code pipeline} or {@code <set_name>/<stage_name>}
 * @param trust the accounts this place wants trusted (may include the target's own account,
 *     removed on merge)
 * @param bootstrap the effective Bootstrap block (file and set defaults layered under the place's own),
 *     each value with the place where it was written
 */
record Contribution(String account, String region, String source, Set<String> trust,
                    BootstrapConfig bootstrap, Place place) {

    String key() {
        return account + "/" + region;
    }
}
