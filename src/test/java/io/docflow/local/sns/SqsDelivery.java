package io.docflow.local.sns;

/** One message on its way to one subscribed queue: as the SNS JSON envelope, or raw. */
record SqsDelivery(PublishedMessage message, String subscriptionArn, String queueArn, boolean raw) {

    String queueName() {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }
}
