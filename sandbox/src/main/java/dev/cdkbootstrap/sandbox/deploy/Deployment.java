package dev.cdkbootstrap.sandbox.deploy;

import dev.cdkbootstrap.sandbox.events.EventRule;
import dev.cdkbootstrap.sandbox.events.Schedule;
import java.util.List;

/**
 * What the deployer made in the emulator: where to upload, what runs, which rules deliver events, which
 * schedules the sandbox may fire, and the report topic.
 */
public record Deployment(String region, String configBucket, String configKey, String stateMachineArn,
                         String runsRoot, List<EventRule> rules, List<Schedule> schedules, String reportTopicArn) {}
