package dev.cdkbootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The shape of an E2E that uploads a config, then another (--then-config), then the second once more
 * (--rerun): one sandbox session per class, opened before its tests and closed after them, with each
 * run's report entries by ACCOUNT/REGION ({@link E2ESupport#targets}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RerunE2E {
    E2ESupport.Session session;
    Map<String, JsonNode> first;
    Map<String, JsonNode> second;
    Map<String, JsonNode> third;

    /** Opens the session: its CLI arguments name both configs and --rerun. */
    abstract E2ESupport.Session open() throws Exception;

    @BeforeAll
    void run() throws Exception {
        session = open();
        first = E2ESupport.targets(session.run(0));
        second = E2ESupport.targets(session.run(1));
        third = E2ESupport.targets(session.run(2));
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }
}
