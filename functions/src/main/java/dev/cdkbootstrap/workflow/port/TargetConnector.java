package dev.cdkbootstrap.workflow.port;

/** Opens a session in a target account by assuming the cross-account role there. */
public interface TargetConnector {

    /**
     * One AssumeRole; the returned account's clients use those credentials until it is closed.
     *
     * @throws dev.cdkbootstrap.workflow.error.TargetAccessDenied when the role cannot be assumed
     */
    TargetAccount connect(TargetSession session);

    /** Which role to assume for which target, and the session name that identifies the run. */
    record TargetSession(String account, String partition, String region, String sessionName) {}
}
