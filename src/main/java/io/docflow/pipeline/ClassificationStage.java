package io.docflow.pipeline;

import java.util.List;

import io.docflow.jobs.DocumentJob;
import io.docflow.model.BadModelOutputException;
import io.docflow.model.ClassificationReader;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import org.springframework.stereotype.Component;

/**
 * The classify stage (routes/process.camel.yaml): the model's answer becomes the job's classification. An unreadable
 * answer is asked once more of the fallback model; when none was readable the document needs review.
 */
@Component("classificationStage")
public class ClassificationStage {

    private final ClassificationReader classifications;

    public ClassificationStage(ClassificationReader classifications) {
        this.classifications = classifications;
    }

    /** A classification call's answer; true when it was readable (it is then the job's classification). */
    public boolean classified(DocumentJob job, ModelReply reply) {
        job.costs().modelCalled(reply);
        try {
            job.classification(classifications.read(reply));
            return true;
        } catch (BadModelOutputException e) {
            return false;
        }
    }

    /**
     * Ends the stage: throws BadModelOutputException, saying why the last answer was unreadable, when no answer gave
     * a classification (process-errors then sends the document to NEEDS_REVIEW).
     */
    public void finish(DocumentJob job) {
        if (job.classification() != null) {
            return;
        }
        List<ModelReply> answers = job.costs().modelCalls().stream().filter(c -> c.task() == ModelTask.CLASSIFY).toList();
        if (!answers.isEmpty()) {
            // reading is repeatable: the last answer, read again, fails as it did
            classifications.read(answers.get(answers.size() - 1));
        }
        throw new BadModelOutputException("No classification answer was read");
    }
}
