package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The EventBridge files in events/ read by the Lambda runtime's own serialization
 * (aws-lambda-java-tests' {@link EventLoader}, into the runtime's EventBridge type): each is a
 * complete EventBridge envelope, so {@code sam local invoke -e} and EventBridge deliver the same
 * shape our handlers and rules were tested with. (EventsContractTest hands the same bytes to the
 * stream handlers; EventRulesContractTest matches them against the template's rules.)
 */
class RuntimeEventLoadingContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"s3-config-object-created.json", "organizations-create-account-succeeded.json",
            "organizations-create-account-failed.json", "controltower-create-managed-account.json",
            "controltower-update-managed-account.json"})
    void everyEventBridgeFileIsACompleteEventForTheRuntime(String name) {
        ScheduledEvent event = EventLoader.loadScheduledEvent(ProjectFiles.path("events/" + name).toString());

        assertThat(event.getId()).as(name + " id").isNotBlank();
        assertThat(event.getVersion()).as(name + " version").isEqualTo("0");
        assertThat(event.getAccount()).as(name + " account").matches("\\d{12}");
        assertThat(event.getRegion()).as(name + " region").matches("[a-z]{2}(-[a-z]+)+-\\d");
        assertThat(event.getTime()).as(name + " time").isNotNull();
        assertThat(event.getSource()).as(name + " source").isIn("aws.s3", "aws.organizations", "aws.controltower");
        assertThat(event.getDetailType()).as(name + " detail-type").isIn("Object Created", "AWS Service Event via CloudTrail");
        assertThat(event.getDetail()).as(name + " detail").isNotEmpty();
        if (!event.getSource().equals("aws.s3")) {
            // What NewAccount reads: the event name and the service event's details.
            assertThat(event.getDetail()).as(name).containsKeys("eventName", "serviceEventDetails");
            assertThat((Map<?, ?>) event.getDetail().get("serviceEventDetails")).as(name).isNotEmpty();
        } else {
            assertThat(event.getDetail()).as(name).containsKeys("bucket", "object");
        }
    }
}
