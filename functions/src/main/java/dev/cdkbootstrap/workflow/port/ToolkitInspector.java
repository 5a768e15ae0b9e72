package dev.cdkbootstrap.workflow.port;

import java.util.Map;
import java.util.Optional;

/** Read-only look at what `cdk bootstrap` left in a target: the toolkit stack and its SSM version. */
public interface ToolkitInspector {

    /** The stack, or empty when it does not exist (or was deleted). */
    Optional<StackState> stack(String stackName);

    /** An SSM parameter's value, or empty when it does not exist. */
    Optional<String> parameter(String name);

    /**
     * Whether an S3 bucket of that name exists, in this account or (bucket names are global) another:
     * the toolkit's staging bucket outlives its stack (the bootstrap template retains it).
     */
    boolean bucketExists(String bucketName);

    /** A stack's status (e.g. {@code CREATE_COMPLETE}), its parameters and its outputs, by key. */
    record StackState(String status, Map<String, String> parameters, Map<String, String> outputs) {}
}
