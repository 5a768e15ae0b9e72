package dev.cdkbootstrap.sandbox.run;

/** One message of the report topic, as the sandbox's inbox received it ({@link ReportInbox}). */
public record Notification(String subject, String message) {}
