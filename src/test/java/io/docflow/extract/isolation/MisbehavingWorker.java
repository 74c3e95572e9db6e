package io.docflow.extract.isolation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.ocr.PageRenderer;

/**
 * A parser worker that speaks the workers' protocol and does what the document's name asks (the name hint of a parse,
 * the file name of a page to render): runs out of heap, never answers, dies as a native crash would, or answers.
 */
public final class MisbehavingWorker {

    private MisbehavingWorker() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        System.out.println(ParserWorkerMain.READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<long[]> hoard = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            WorkerRequest next = json.readValue(line, WorkerRequest.class);
            String name = next instanceof RenderRequest render ? Path.of(render.document()).getFileName().toString()
                    : ((ParseRequest) next).nameHint();
            switch (name) {
                case "exhaust-heap" -> {
                    while (true) {
                        hoard.add(new long[1_000_000]);
                    }
                }
                case "never-answer" -> Thread.sleep(Long.MAX_VALUE);
                case "crash" -> Runtime.getRuntime().halt(134);
                default -> {
                    if (next instanceof RenderRequest render) {
                        Files.writeString(Path.of(render.png()), "rendered in " + ProcessHandle.current().pid());
                        System.out.println(json.writeValueAsString(PageRenderer.RenderedPage.written(1)));
                        continue;
                    }
                    ParseRequest request = (ParseRequest) next;
                    String text = "parsed " + request.nameHint() + " in " + ProcessHandle.current().pid();
                    Files.writeString(Path.of(request.textFile()), text);
                    System.out.println(json.writeValueAsString(new ParseReply(null, null, "text/plain", null, null, null,
                            null, text.length(), false, 1000, List.of(), 0)));
                }
            }
        }
    }
}
