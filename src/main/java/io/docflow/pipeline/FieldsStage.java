package io.docflow.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.docflow.evidence.ReviewInput;
import io.docflow.evidence.ReviewedFields;
import io.docflow.evidence.TextRange;
import io.docflow.extract.ChunkPlan;
import io.docflow.extract.ExtractedDocument;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.FieldExtraction;
import io.docflow.jobs.JobOutcome;
import io.docflow.model.BadModelOutputException;
import io.docflow.model.DocumentClass;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.ExtractedFields;
import io.docflow.model.FieldMerger;
import io.docflow.model.JsonReplyReader;
import io.docflow.model.ModelAnswers;
import io.docflow.model.ModelOutput;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import io.docflow.model.SchemaValidator;
import io.docflow.ocr.DocumentOcr;
import org.springframework.stereotype.Component;

/**
 * The extract-fields stage (routes/process.camel.yaml): each chunk's answer, their merge and validation against the
 * class's schema, repair answers, the fields' review against the document's text ({@link FieldReviews}), and the
 * document's outcome.
 */
@Component("fieldsStage")
public class FieldsStage {

    private final ModelAnswers answers;
    private final FieldMerger merger;
    private final SchemaValidator validator;
    private final DocumentClassCatalog catalog;
    private final DocumentOcr ocr;
    private final FieldReviews reviews;

    public FieldsStage(JsonReplyReader json, FieldMerger merger, SchemaValidator validator, DocumentClassCatalog catalog,
                       DocumentOcr ocr, FieldReviews reviews) {
        this.answers = new ModelAnswers(json);
        this.merger = merger;
        this.validator = validator;
        this.catalog = catalog;
        this.ocr = ocr;
        this.reviews = reviews;
    }

    /**
     * One chunk's fields (and with tool use their evidence); an unreadable reply is recorded against the chunk, not
     * fatal to the document.
     */
    public void chunkExtracted(DocumentJob job, ModelReply reply) {
        job.costs().modelCalled(reply);
        try {
            job.chunkAnswers().answered(reply.chunkIndex(), answers.fields(reply));
        } catch (BadModelOutputException e) {
            job.chunkAnswers().unreadable(reply.chunkIndex(), e.getMessage());
        }
    }

    /** Merges the chunks' fields, their evidence following them, and validates the fields; true when they are valid. */
    public boolean mergeAndValidate(DocumentJob job) {
        ExtractedFields merged = merger.mergeAnswers(job.chunkAnswers().inOrder());
        List<String> errors = new ArrayList<>(validator.errors(documentClass(job), merged.fields()));
        String noneReadable = job.chunkAnswers().noneReadable();
        if (noneReadable != null) {
            errors.add("no chunk gave a readable answer: " + noneReadable);
        }
        job.extraction(FieldExtraction.merged(merged, errors));
        return errors.isEmpty();
    }

    /**
     * A repair call's answer; true when it made the fields valid (they then replace the merged ones, their evidence
     * the merged evidence).
     */
    public boolean repairAnswered(DocumentJob job, ModelReply reply) {
        job.costs().modelCalled(reply);
        FieldExtraction before = job.extraction();
        try {
            ExtractedFields repaired = answers.fields(reply);
            List<String> errors = validator.errors(documentClass(job), repaired.fields());
            job.extraction(errors.isEmpty() ? before.repairedTo(repaired) : before.repairStillInvalid(errors));
            return errors.isEmpty();
        } catch (BadModelOutputException e) {
            job.extraction(before.repairUnreadable(e.getMessage()));
            return false;
        }
    }

    /**
     * Reviews the fields against the document's text, then decides: NEEDS_REVIEW with the validation errors kept when
     * the fields stayed invalid, with the OCR confidence when it is low, with the review's reasons when the review
     * asks for one (a failed rule, an ungrounded or doubtful value); else COMPLETED.
     */
    public void finish(DocumentJob job) {
        if (job.outcome().decided()) {
            return;
        }
        FieldExtraction extraction = job.extraction();
        if (extraction != null && job.hasText()) {
            extraction = extraction.reviewed(review(job, extraction));
            job.extraction(extraction);
        }
        if (extraction != null && !extraction.valid()) {
            job.outcome(JobOutcome.needsReview(FailureReason.INVALID_MODEL_OUTPUT.name(),
                    "Extracted fields stayed invalid after repair: " + String.join("; ", extraction.validationErrors())));
            return;
        }
        String lowConfidence = ocr.lowConfidence(job.text() == null ? null : job.text().ocr());
        if (lowConfidence != null) {
            job.outcome(JobOutcome.needsReview(FailureReason.LOW_OCR_CONFIDENCE.name(), lowConfidence));
        } else if (extraction != null && extraction.review() != null && extraction.review().decision().needsReview()) {
            job.outcome(JobOutcome.needsReview(FailureReason.FIELDS_NEED_REVIEW.name(),
                    String.join("; ", extraction.review().decision().reasons())));
        } else {
            job.outcome(JobOutcome.completed());
        }
    }

    private ReviewedFields review(DocumentJob job, FieldExtraction extraction) {
        ExtractedDocument document = job.text().document();
        ChunkPlan plan = job.text().chunks();
        List<TextRange> chunks = plan == null ? List.of()
                : plan.chunks().stream().map(chunk -> new TextRange(chunk.startOffset(), chunk.endOffset())).toList();
        return reviews.of(job.documentClass()).review(
                ReviewInput.of(document.text(), document.pageStarts(), extraction.fields(), extraction.evidence())
                        .withEvidenceProblems(extraction.evidenceProblems())
                        .withSchemaErrors(extraction.validationErrors())
                        .withRepaired(extraction.repaired())
                        .withChunks(chunks)
                        .withUnquotedValuesLookedUp(answeredAsText(job)));
    }

    /** Whether an extraction or repair call was answered as text, without evidence. */
    private static boolean answeredAsText(DocumentJob job) {
        return job.costs().modelCalls().stream().anyMatch(call -> call.output() == ModelOutput.TEXT
                && (call.task() == ModelTask.EXTRACT || call.task() == ModelTask.REPAIR));
    }

    private DocumentClass documentClass(DocumentJob job) {
        return catalog.get(job.documentClass());
    }
}
