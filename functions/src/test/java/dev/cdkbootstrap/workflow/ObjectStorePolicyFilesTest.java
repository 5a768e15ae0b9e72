package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.PolicyFileException;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

class ObjectStorePolicyFilesTest {
    private final InMemoryObjectStore store = new InMemoryObjectStore()
            .put("b", "team/cdk-app.yml", "cdk_app_config: {}")
            .put("b", "team/policies/a.json", "{\"a\":1}")
            .put("b", "team/policies/b.json", "{\"b\":1}")
            .put("b", "other/policies/a.json", "{\"other\":1}");

    @Test
    void readsAFileRelativeToTheConfigFolder() {
        var files = new ObjectStorePolicyFiles(store, "b", "team/cdk-app.yml");

        assertThat(files.read("policies/a.json")).contains("{\"a\":1}");
    }

    @Test
    void listsEachFolderOnceAndReadsOnlyTheFilesAskedFor() {
        var files = new ObjectStorePolicyFiles(store, "b", "team/cdk-app.yml");

        files.read("policies/a.json");
        files.read("execution_policy_111111111111_eu-west-1.json");
        files.read("execution_policy_222222222222_eu-west-1.json");
        files.read("policies/a.json");

        assertThat(store.lists).isEqualTo(2);
        assertThat(store.reads).containsExactly("team/policies/a.json", "team/policies/a.json");
    }

    @Test
    void runArtifactsBesideARootConfigAreNeverListed() {
        for (int run = 0; run < 1000; run++) {
            store.put("b", "runs/run-" + run + "/plan.json", "{}").put("b", "runs/run-" + run + "/targets.json", "[]")
                    .put("b", "runs/run-" + run + "/results/111111111111-eu-west-1.json", "{}");
        }
        store.put("b", "cdk-app.yml", "x").put("b", "policies/a.json", "{}");
        var files = new ObjectStorePolicyFiles(store, "b", "cdk-app.yml", "runs/");

        for (int account = 0; account < 50; account++) {
            files.read("execution_policy_" + (100000000000L + account) + "_eu-west-1.json");
        }
        assertThat(files.read("policies/a.json")).contains("{}");

        assertThat(store.lists).isEqualTo(2);
        assertThat(store.listed).noneMatch(key -> key.startsWith("runs/")).hasSizeLessThan(10);
    }

    @Test
    void aPolicyPathUnderTheRunPrefixIsRefusedWithoutListingIt() {
        store.put("b", "cdk-app.yml", "x").put("b", "runs/p.json", "{}");
        var files = new ObjectStorePolicyFiles(store, "b", "cdk-app.yml", "runs/");

        assertThatThrownBy(() -> files.read("runs/p.json")).isInstanceOfSatisfying(PolicyFileException.class,
                e -> assertThat(e.problem()).isEqualTo("is under runs/, where runs keep their artifacts"));
        assertThat(store.lists).isZero();
    }

    @Test
    void aMissingFileIsEmptyWithoutAGet() {
        var files = new ObjectStorePolicyFiles(store, "b", "team/cdk-app.yml");

        assertThat(files.read("policies/missing.json")).isEmpty();
        assertThat(store.reads).isEmpty();
    }

    @Test
    void aConfigAtTheBucketRootResolvesFromTheRoot() {
        store.put("b", "cdk-app.yml", "x").put("b", "root.json", "{}");

        assertThat(new ObjectStorePolicyFiles(store, "b", "cdk-app.yml").read("root.json")).contains("{}");
    }
}
