package io.docflow.pipeline;

import io.docflow.jobs.DocumentJob;
import io.docflow.model.ClassificationReader;
import io.docflow.model.ModelReply;
import org.springframework.stereotype.Component;

/** The classify stage (routes/process.camel.yaml): the model's answer becomes the job's classification. */
@Component("classificationStage")
public class ClassificationStage {

    private final ClassificationReader classifications;

    public ClassificationStage(ClassificationReader classifications) {
        this.classifications = classifications;
    }

    /** Throws BadModelOutputException for an unreadable answer (the route asks the fallback model once). */
    public void classified(DocumentJob job, ModelReply reply) {
        job.modelCalled(reply);
        job.classification(classifications.read(reply.text()));
    }
}
