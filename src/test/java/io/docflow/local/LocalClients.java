package io.docflow.local;

import java.net.URI;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at the local services, for provisioning and for tests that play the user's part. */
public final class LocalClients implements AutoCloseable {

    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final EventBridgeClient eventBridge;

    public LocalClients(LocalAws aws) {
        this.s3 = local(S3Client.builder(), aws.s3Endpoint()).forcePathStyle(true).build();
        this.sqs = local(SqsClient.builder(), aws.sqsEndpoint()).build();
        this.dynamoDb = local(DynamoDbClient.builder(), aws.dynamoDbEndpoint()).build();
        this.sns = local(SnsClient.builder(), aws.snsEndpoint()).build();
        this.eventBridge = local(EventBridgeClient.builder(), aws.eventBridgeEndpoint()).build();
    }

    static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B local(B builder, URI endpoint) {
        return builder.region(Region.of(LocalAws.REGION))
                .endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SnsClient sns() {
        return sns;
    }

    public EventBridgeClient eventBridge() {
        return eventBridge;
    }

    @Override
    public void close() {
        sns.close();
        eventBridge.close();
        s3.close();
        sqs.close();
        dynamoDb.close();
    }
}
