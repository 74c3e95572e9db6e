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
 * <p>
 * Like Textract, it reads pages turned by quarter turns: Tesseract's orientation pass finds the turn, the upright page
 * is read, and the geometry is given on the page as sent, each polygon starting at the word's own top left in reading
 * order (so an upside-down word's polygon runs right to left).
 */
final class TesseractBlocks {

    private static final long TIMEOUT_SECONDS = 60;

    ObjectNode detect(byte[] image) {
        Path file = null;
        try {
            file = Files.createTempFile("local-textract-", ".img");
            Files.write(file, image);
            int rotation = rotation(file);
            if (rotation != 0) {
                java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(file.toFile());
                javax.imageio.ImageIO.write(io.docflow.ocr.PageNormaliser.turned(grey(picture), rotation), "png",
                        file.toFile());
            }
            return blocks(tesseract(file, "3", true), rotation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** Degrees the page must be turned clockwise to stand upright, by Tesseract's orientation pass; 0 when unsure. */
    private static int rotation(Path image) throws IOException {
        try {
            String osd = tesseract(image, "0", false);
            java.util.regex.Matcher rotate = java.util.regex.Pattern.compile("(?m)^Rotate:\\s*(\\d+)").matcher(osd);
            java.util.regex.Matcher confidence = java.util.regex.Pattern
                    .compile("(?m)^Orientation confidence:\\s*([0-9.]+)").matcher(osd);
            return rotate.find() && confidence.find() && Double.parseDouble(confidence.group(1)) >= 1.5
                    ? Integer.parseInt(rotate.group(1)) % 360 : 0;
        } catch (TextractApi.Refusal e) {
            return 0;
        }
    }

    private static java.awt.image.BufferedImage grey(java.awt.image.BufferedImage picture) {
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(picture.getWidth(), picture.getHeight(),
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return grey;
    }

    private static String tesseract(Path image, String psm, boolean tsv) throws IOException {
        List<String> command = new ArrayList<>(List.of("tesseract", image.toString(), "stdout", "--psm", psm));
        if (tsv) {
            command.add("tsv");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
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

    private static ObjectNode blocks(String tsv, int rotation) {
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
        geometry(page, 0, 0, 1, 1, 0);
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
            geometry(lineBlock, left / pageWidth, top / pageHeight, (right - left) / pageWidth, (bottom - top) / pageHeight,
                    rotation);
            String lineId = UUID.randomUUID().toString();
            lineBlock.put("Id", lineId).put("Page", 1);
            lineIds.add(lineId);
            ArrayNode wordIds = lineBlock.putArray("Relationships").addObject().put("Type", "CHILD").putArray("Ids");
            for (Word word : line) {
                ObjectNode wordBlock = TextractApi.JSON.createObjectNode().put("BlockType", "WORD")
                        .put("Confidence", (float) word.confidence()).put("Text", word.text()).put("TextType", "PRINTED");
                geometry(wordBlock, word.left() / pageWidth, word.top() / pageHeight, word.width() / pageWidth,
                        word.height() / pageHeight, rotation);
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

    /**
     * The box (fractions of the upright page) as Textract gives it on the page as sent, which is the upright page
     * turned back by {@code rotation}: the polygon's corners in the word's reading order, the bounding box around them.
     */
    private static void geometry(ObjectNode block, double left, double top, double width, double height, int rotation) {
        double[][] corners = {{left, top}, {left + width, top}, {left + width, top + height}, {left, top + height}};
        double minX = 1;
        double minY = 1;
        double maxX = 0;
        double maxY = 0;
        for (double[] corner : corners) {
            double x = corner[0];
            double y = corner[1];
            switch (rotation) {
                case 90 -> { corner[0] = y; corner[1] = 1 - x; }
                case 180 -> { corner[0] = 1 - x; corner[1] = 1 - y; }
                case 270 -> { corner[0] = 1 - y; corner[1] = x; }
                default -> { }
            }
            minX = Math.min(minX, corner[0]);
            minY = Math.min(minY, corner[1]);
            maxX = Math.max(maxX, corner[0]);
            maxY = Math.max(maxY, corner[1]);
        }
        ObjectNode geometry = block.putObject("Geometry");
        geometry.putObject("BoundingBox").put("Width", (float) (maxX - minX)).put("Height", (float) (maxY - minY))
                .put("Left", (float) minX).put("Top", (float) minY);
        ArrayNode polygon = geometry.putArray("Polygon");
        for (double[] corner : corners) {
            polygon.addObject().put("X", (float) corner[0]).put("Y", (float) corner[1]);
        }
    }
}
