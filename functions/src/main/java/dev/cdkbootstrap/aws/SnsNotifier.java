package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.Notifier;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@link Notifier} on an SNS topic. */
public final class SnsNotifier implements Notifier {
    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(String subject, String message) {
        sns.publish(r -> r.topicArn(topicArn).subject(subject).message(message));
    }
}
