package io.docflow.local.textract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Textract's answer to DetectDocumentText, made with the local Tesseract: one PAGE block, a LINE block per text line
 * and a WORD block per word, each with its Confidence (Tesseract's, 0-100, as Textract's) and Geometry (bounding box
 * and polygon as fractions of the page), linked by CHILD relationships.
 */
final class TesseractBlocks {

    private static final long TIMEOUT_SECONDS = 60;

    ObjectNode detect(byte[] image) {
        Path file = null;
        try {
            file = Files.createTempFile("local-textract-", ".img");
            Files.write(file, image);
            return blocks(tesseract(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static String tesseract(Path image) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "stdout", "--psm", "3", "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new TextractApi.Refusal("BadDocumentException", "The local Textract could not read the document");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private record Word(String text, double confidence, int left, int top, int width, int height) {
    }

    private static ObjectNode blocks(String tsv) {
        double pageWidth = 1;
        double pageHeight = 1;
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].matches("\\d+")) {
                continue;
            }
            int level = Integer.parseInt(c[0]);
            if (level == 1) {
                pageWidth = Double.parseDouble(c[8]);
                pageHeight = Double.parseDouble(c[9]);
            } else if (level == 5 && !c[11].isBlank() && Double.parseDouble(c[10]) >= 0) {
                lines.computeIfAbsent(c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>()).add(new Word(c[11].strip(),
                        Double.parseDouble(c[10]), Integer.parseInt(c[6]), Integer.parseInt(c[7]),
                        Integer.parseInt(c[8]), Integer.parseInt(c[9])));
            }
        }
        ObjectNode answer = TextractApi.JSON.createObjectNode();
        answer.putObject("DocumentMetadata").put("Pages", 1);
        ArrayNode blocks = answer.putArray("Blocks");
        ObjectNode page = blocks.addObject().put("BlockType", "PAGE");
        geometry(page, 0, 0, 1, 1);
        page.put("Id", UUID.randomUUID().toString());
        ArrayNode lineIds = page.putArray("Relationships").addObject().put("Type", "CHILD").putArray("Ids");
        List<ObjectNode> words = new ArrayList<>();
        for (List<Word> line : lines.values()) {
            ObjectNode lineBlock = blocks.addObject().put("BlockType", "LINE");
            int left = line.stream().mapToInt(Word::left).min().orElse(0);
            int top = line.stream().mapToInt(Word::top).min().orElse(0);
            int right = line.stream().mapToInt(w -> w.left() + w.width()).max().orElse(0);
            int bottom = line.stream().mapToInt(w -> w.top() + w.height()).max().orElse(0);
            lineBlock.put("Confidence", (float) line.stream().mapToDouble(Word::confidence).average().orElse(0));
            lineBlock.put("Text", String.join(" ", line.stream().map(Word::text).toList()));
            geometry(lineBlock, left / pageWidth, top / pageHeight, (right - left) / pageWidth, (bottom - top) / pageHeight);
            String lineId = UUID.randomUUID().toString();
            lineBlock.put("Id", lineId).put("Page", 1);
            lineIds.add(lineId);
            ArrayNode wordIds = lineBlock.putArray("Relationships").addObject().put("Type", "CHILD").putArray("Ids");
            for (Word word : line) {
                ObjectNode wordBlock = TextractApi.JSON.createObjectNode().put("BlockType", "WORD")
                        .put("Confidence", (float) word.confidence()).put("Text", word.text()).put("TextType", "PRINTED");
                geometry(wordBlock, word.left() / pageWidth, word.top() / pageHeight, word.width() / pageWidth,
                        word.height() / pageHeight);
                String wordId = UUID.randomUUID().toString();
                wordBlock.put("Id", wordId).put("Page", 1);
                wordIds.add(wordId);
                words.add(wordBlock);
            }
        }
        page.put("Page", 1);
        words.forEach(blocks::add);
        answer.put("DetectDocumentTextModelVersion", "1.0");
        return answer;
    }

    private static void geometry(ObjectNode block, double left, double top, double width, double height) {
        ObjectNode geometry = block.putObject("Geometry");
        geometry.putObject("BoundingBox").put("Width", (float) width).put("Height", (float) height)
                .put("Left", (float) left).put("Top", (float) top);
        ArrayNode polygon = geometry.putArray("Polygon");
        polygon.addObject().put("X", (float) left).put("Y", (float) top);
        polygon.addObject().put("X", (float) (left + width)).put("Y", (float) top);
        polygon.addObject().put("X", (float) (left + width)).put("Y", (float) (top + height));
        polygon.addObject().put("X", (float) left).put("Y", (float) (top + height));
    }
}
