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

    /**
     * A stack as DescribeStacks shows it: its status (e.g. {@code CREATE_COMPLETE}), its parameters and
     * its outputs by key, whether termination protection is on ({@code EnableTerminationProtection}) and
     * its stack-level tags (key to value; empty when none).
     */
    record StackState(String status, Map<String, String> parameters, Map<String, String> outputs,
            boolean terminationProtection, Map<String, String> tags) {

        public StackState {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        /** A stack without termination protection and without tags. */
        public StackState(String status, Map<String, String> parameters, Map<String, String> outputs) {
            this(status, parameters, outputs, false, Map.of());
        }
    }
}
