package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

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
    void listsTheFolderOnceAndReadsOnlyTheFilesAskedFor() {
        var files = new ObjectStorePolicyFiles(store, "b", "team/cdk-app.yml");

        files.read("policies/a.json");
        files.read("execution_policy_111111111111_eu-west-1.json");
        files.read("policies/a.json");

        assertThat(store.lists).isEqualTo(1);
        assertThat(store.reads).containsExactly("team/policies/a.json", "team/policies/a.json");
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
