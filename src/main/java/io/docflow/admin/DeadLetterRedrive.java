package io.docflow.admin;

import java.util.List;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobsTable;
import io.docflow.ingest.StorageEventParser;
import io.docflow.ingest.UnrecognizedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
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
    private final JobsTable jobs;
    private final StorageEventParser parser;
    private final DocflowProperties properties;

    public DeadLetterRedrive(SqsClient sqs, JobsTable jobs, StorageEventParser parser, DocflowProperties properties) {
        this.sqs = sqs;
        this.jobs = jobs;
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
            int batch = nextBatch(maxMessages, moved);
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

    /** How many messages to receive next: what is left of {@code maxMessages}, at most the 10 SQS hands out at once. */
    static int nextBatch(int maxMessages, int moved) {
        return Math.min(10, maxMessages - moved);
    }

    private int reopenPoisonedJobs(String body) {
        int reopened = 0;
        for (String jobId : jobIds(body)) {
            if (jobs.reopenPoisoned(jobId)) {
                reopened++;
            }
        }
        return reopened;
    }

    /** The jobs a dead-lettered message announces; none when it is no storage event (it is moved all the same). */
    List<String> jobIds(String body) {
        try {
            return parser.parse(body).stream().map(SourceObject::jobId).toList();
        } catch (UnrecognizedEventException e) {
            return List.of();
        }
    }
}
