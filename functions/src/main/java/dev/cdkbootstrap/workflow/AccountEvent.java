package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The account an Organizations {@code CreateAccountResult} or Control Tower
 * {@code CreateManagedAccount}/{@code UpdateManagedAccount} event is about, matched on the status
 * block (not the event's wording).
 */
public record AccountEvent(String source, String state, String accountId) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }

    /** @return empty when the event carries none of the known status blocks */
    public static Optional<AccountEvent> from(JsonNode event) {
        JsonNode details = event.path("detail").path("serviceEventDetails");
        JsonNode organizations = details.path("createAccountStatus");
        if (organizations.isObject()) {
            return Optional.of(new AccountEvent("CreateAccountResult", text(organizations.path("state")),
                    text(organizations.path("accountId"))));
        }
        for (String block : new String[] {"createManagedAccountStatus", "updateManagedAccountStatus"}) {
            JsonNode controlTower = details.path(block);
            if (controlTower.isObject()) {
                return Optional.of(new AccountEvent(block, text(controlTower.path("state")),
                        text(controlTower.path("account").path("accountId"))));
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : null;
    }
}
