package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.CdkAppConfig;
import dev.cdkbootstrap.config.DeploymentSet;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Plural;
import dev.cdkbootstrap.config.RegionCheck;
import dev.cdkbootstrap.config.StageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's warnings for regions this build's AWS SDK does not know but that may be newer than it
 * ({@link RegionCheck.Verdict#UNKNOWN}; near misses are already errors of the reader). One warning per
 * region name, at its first place in the file (pipeline, then sets and their stages in file order),
 * with how many more places name it; they come before the targets' warnings.
 */
final class UnknownRegions {

    private UnknownRegions() {}

    static List<String> warnings(CdkAppConfig config) {
        Map<String, List<Located<String>>> byName = new LinkedHashMap<>();
        add(byName, config.pipeline().region());
        for (DeploymentSet set : config.deployments()) {
            add(byName, set.defaultRegion());
            for (StageConfig stage : set.stages()) {
                add(byName, stage.region());
            }
        }
        List<String> warnings = new ArrayList<>();
        byName.forEach((name, places) -> {
            RegionCheck check = RegionCheck.of(name);
            if (check.verdict() == RegionCheck.Verdict.UNKNOWN) {
                var first = places.get(0).place();
                warnings.add(first.path() + " (line " + first.line() + ", column " + first.column() + "): "
                        + check.message() + (places.size() > 1 ? "; " + Plural.of(places.size() - 1, "more place names", "more places name") + " it" : ""));
            }
        });
        return warnings;
    }

    private static void add(Map<String, List<Located<String>>> byName, Located<String> region) {
        if (region != null) {
            byName.computeIfAbsent(region.value(), k -> new ArrayList<>()).add(region);
        }
    }
}
