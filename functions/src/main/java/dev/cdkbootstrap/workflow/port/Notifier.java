package dev.cdkbootstrap.workflow.port;

/** Publishes a short message to people (an SNS topic). */
public interface Notifier {

    void publish(String subject, String message);
}
