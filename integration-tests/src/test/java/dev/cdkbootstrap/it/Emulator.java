package dev.cdkbootstrap.it;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** An AWS emulator the tests and the product's wiring talk to over HTTP with the real SDK. */
public interface Emulator {

    URI endpoint();

    String region();

    /**
     * Whether this emulator implements a service well enough to test against (LocalStack's community
     * image has no CodeBuild, and its EC2 regions carry no opt-in status).
     */
    boolean supports(String service);

    /** Forgets every resource, so each test starts empty. */
    void reset();

    /** The environment a function would get, pointing at this emulator (Wiring.from reads it). */
    default Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        env.put("AWS_REGION", region());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        return env;
    }
}
