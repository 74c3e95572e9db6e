package io.docflow.admin;

import java.util.List;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.ingest.StorageEventParser;
import io.docflow.ingest.UnrecognizedEventException;
import io.docflow.jobs.JobItems;
import io.docflow.jobs.JobStatus;
import io.docflow.pipeline.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moves messages from the ingest dead-letter queue back to the ingest queue, after the cause was fixed. Jobs that
 * were FAILED as poison messages are reopened (QUEUED, unclaimed) so the returning message processes them again;
 * every other job keeps its outcome, so a redrive never yields a second result.
 */
@Service
public class DeadLetterRedrive {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final StorageEventParser parser;
    private final DocflowProperties properties;

    public DeadLetterRedrive(SqsClient sqs, DynamoDbClient dynamoDb, StorageEventParser parser, DocflowProperties properties) {
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.parser = parser;
        this.properties = properties;
    }

    public record Outcome(int moved, int reopenedJobs) {
    }

    public Outcome redrive(int maxMessages) {
        String dlq = sqs.getQueueUrl(b -> b.queueName(properties.queues().ingestDlq())).queueUrl();
        String ingest = sqs.getQueueUrl(b -> b.queueName(properties.queues().ingest())).queueUrl();
        int moved = 0;
        int reopened = 0;
        while (moved < maxMessages) {
            int batch = Math.min(10, maxMessages - moved);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(batch)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                reopened += reopenPoisonedJobs(message.body());
                sqs.sendMessage(b -> b.queueUrl(ingest).messageBody(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
        log.info("Redrive moved {} messages from {} to {} and reopened {} poisoned jobs", moved,
                properties.queues().ingestDlq(), properties.queues().ingest(), reopened);
        return new Outcome(moved, reopened);
    }

    private int reopenPoisonedJobs(String body) {
        List<SourceObject> sources;
        try {
            sources = parser.parse(body);
        } catch (UnrecognizedEventException e) {
            return 0;
        }
        int reopened = 0;
        for (SourceObject source : sources) {
            try {
                dynamoDb.updateItem(b -> b.tableName(properties.jobs().table())
                        .key(Map.of(JobItems.JOB_ID, AttributeValue.fromS(JobItems.jobIdFor(source))))
                        .attributeUpdates(Map.of(
                                JobItems.STATUS, AttributeValueUpdate.builder().action(AttributeAction.PUT)
                                        .value(AttributeValue.fromS(JobStatus.QUEUED.name())).build(),
                                JobItems.CLAIMED_BY, AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                                JobItems.ANNOUNCED, AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))
                        .expected(Map.of("reason", ExpectedAttributeValue.builder()
                                .value(AttributeValue.fromS(FailureReason.POISON_MESSAGE.name())).build())));
                reopened++;
            } catch (ConditionalCheckFailedException e) {
                // not a poisoned job: its outcome stands
            }
        }
        return reopened;
    }
}
