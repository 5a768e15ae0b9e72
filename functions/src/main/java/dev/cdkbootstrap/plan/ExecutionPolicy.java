package dev.cdkbootstrap.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CloudFormation execution policy of a target. {@code file} (relative to the folder holding
 * cdk-app.yml) is set only for the FILE and DEFAULT_FILE origins: those policies are created in the
 * target account from that file, under the per-region name in {@code arn}.
 */
public record ExecutionPolicy(String arn, Origin origin, String file) {

    public enum Origin {
        @JsonProperty("file") FILE,
        @JsonProperty("arn") ARN,
        @JsonProperty("default-file") DEFAULT_FILE,
        @JsonProperty("default") DEFAULT;

        public boolean fromFile() {
            return this == FILE || this == DEFAULT_FILE;
        }
    }
}
