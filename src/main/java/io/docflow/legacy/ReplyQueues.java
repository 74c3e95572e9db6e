package io.docflow.legacy;

import java.util.regex.Pattern;

import io.docflow.config.DocflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Which queue an answer goes to. A queue named by a request is only a wish: it must match
 * {@code docflow.legacy.reply-queue-pattern} as a whole and must not be the requests queue (answers there would be
 * read as requests), and it must exist when the answer is sent; otherwise the answer goes to the default
 * {@code docflow.queues.legacy-responses}.
 */
@Component("legacyReplyQueues")
public class ReplyQueues {

    private static final Logger log = LoggerFactory.getLogger(ReplyQueues.class);

    private final SqsClient sqs;
    private final Pattern allowed;
    private final String requestsQueue;
    private final String defaultQueue;

    public ReplyQueues(SqsClient sqs, DocflowProperties properties) {
        this.sqs = sqs;
        this.allowed = Pattern.compile(properties.legacy().replyQueuePattern());
        this.requestsQueue = properties.queues().legacyRequests();
        this.defaultQueue = properties.queues().legacyResponses();
    }

    /** Whether a request may name this queue for its answers. */
    public boolean allowed(String queue) {
        return queue != null && !queue.equals(requestsQueue)
                && (queue.equals(defaultQueue) || allowed.matcher(queue).matches());
    }

    public String defaultQueue() {
        return defaultQueue;
    }

    /**
     * The queue to send to: the target's queue if it is allowed and exists, else the default queue. A missing queue is
     * logged, and the answer still reaches the legacy system, on the default queue.
     */
    public String resolve(ReplyTarget target) {
        String queue = target == null ? null : target.queue();
        if (queue == null || queue.equals(defaultQueue)) {
            return defaultQueue;
        }
        if (!allowed(queue)) {
            // checked when the request was read; a job item edited by hand must not redirect answers either
            log.warn("Reply queue '{}' (relates to {}) is not allowed by docflow.legacy.reply-queue-pattern; answering on {}",
                    queue, target.relatesTo(), defaultQueue);
            return defaultQueue;
        }
        try {
            sqs.getQueueUrl(b -> b.queueName(queue));
            return queue;
        } catch (QueueDoesNotExistException e) {
            log.warn("Reply queue '{}' named by the legacy request (relates to {}) does not exist; answering on {} instead",
                    queue, target.relatesTo(), defaultQueue);
            return defaultQueue;
        }
    }
}
