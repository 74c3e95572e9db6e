package io.docflow.extract.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.extract.DocumentExtractionException;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextExtractor;
import io.docflow.jobs.FailureReason;
import io.docflow.ocr.InProcessPageRenderer;
import io.docflow.ocr.PageRenderer;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * A parser worker: a child JVM that parses one document, or renders one page of a scan for OCR, at a time for docflow
 * (see {@link ParserWorkerPool}).
 * Requests come as JSON lines on standard input, replies go as JSON lines on standard output, which carries nothing
 * else (System.out is pointed at standard error, where its log goes). It ends when its input ends, i.e. when docflow
 * goes. Its own OutOfMemoryError ends it at once (-XX:+ExitOnOutOfMemoryError, exit code 3).
 */
public final class ParserWorkerMain {

    static final String READY = "READY";

    private ParserWorkerMain() {
    }

    /** Arguments: max-document-bytes, max-characters, max-embedded-documents, max-expansion-ratio, max-pages. */
    public static void main(String[] args) throws IOException {
        PrintStream replies = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the worker's parse time is limited by docflow, which kills the worker; inside it a parse may take its time
        ExtractionSettings settings = ExtractionSettings.defaults()
                .withMaxDocumentBytes(DataSize.ofBytes(Long.parseLong(args[0])))
                .withMaxCharacters(Integer.parseInt(args[1]))
                .withMaxEmbeddedDocuments(Integer.parseInt(args[2]))
                .withMaxExpansionRatio(Integer.parseInt(args[3]))
                .withMaxPages(Integer.parseInt(args[4]))
                .withParseTimeout(Duration.ofDays(1));
        TextExtractor extractor = new TextExtractor(settings);
        ObjectMapper json = new ObjectMapper();
        replies.println(READY);
        replies.flush();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PageRenderer renderer = new InProcessPageRenderer();
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            WorkerRequest request = json.readValue(line, WorkerRequest.class);
            Object reply = request instanceof RenderRequest render
                    ? renderer.render(Path.of(render.document()), render.contentType(), render.page(), render.dpi(),
                            render.maxPixels(), render.preparation(), Path.of(render.png()), Duration.ZERO)
                    : parse(extractor, (ParseRequest) request);
            replies.println(json.writeValueAsString(reply));
            replies.flush();
        }
    }

    static ParseReply parse(TextExtractor extractor, ParseRequest request) {
        try {
            ExtractedDocument document = extractor.extract(Path.of(request.document()), request.nameHint());
            Files.writeString(Path.of(request.textFile()), document.text(), StandardCharsets.UTF_8);
            return ParseReply.of(document);
        } catch (DocumentExtractionException e) {
            return ParseReply.failed(e.reason(), e.getMessage());
        } catch (StackOverflowError e) {
            return ParseReply.failed(FailureReason.TOO_DEEPLY_NESTED, "The document is nested deeper than the parser follows");
        } catch (IOException | RuntimeException e) {
            return ParseReply.failed(FailureReason.CORRUPT_DOCUMENT, "Could not parse the document: " + e);
        }
    }
}
