package io.docflow.resilience;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Small files that are hostile when parsed, written for the tests so no such file is committed: each is a few MB at
 * most on disk and valid enough that Tika detects its type, but expands to far more text, elements, pages or pixels
 * than a docflow pod can hold. Everything large is streamed through a deflater and never held in memory whole.
 * <p>
 * The office packages follow {@code io.docflow.extract.OfficeFixtures}: the smallest package the format needs,
 * written by hand as the zip it is, with only the main part oversized.
 */
public final class HostileDocuments {

    /** What the zip bombs below expand to: 1 GiB of XML, which deflates to about 1 MB (deflate's limit is ~1:1030). */
    public static final long GIB = 1L << 30;

    /**
     * The text the bombs repeat, 64 KB of "ha ": deflate encodes a repetition by its distance, and a distance of 4 or
     * less costs no extra bits, so a 3-byte period deflates about 1:1000; a sentence repeated (a period of ~50 bytes)
     * would deflate only about 1:300.
     */
    private static final String LAUGHS = "ha ".repeat(21_845);
    private static final String PARAGRAPH = "<w:p><w:r><w:t>" + LAUGHS + "</w:t></w:r></w:p>";

    private HostileDocuments() {
    }

    /** (a) A DOCX whose word/document.xml is {@code expandedBytes} of paragraphs. */
    public static Path docxBomb(Path file, long expandedBytes) throws IOException {
        try (ZipOutputStream zip = zip(file)) {
            deflate(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                      <Default Extension="xml" ContentType="application/xml"/>
                      <Override PartName="/word/document.xml"
                          ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>
                    """);
            deflate(zip, "_rels/.rels", relationships("officeDocument", "word/document.xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                    .getBytes(StandardCharsets.UTF_8));
            repeat(zip, PARAGRAPH, expandedBytes);
            zip.write("<w:sectPr/></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * (b) An XLSX of one cell whose xl/sharedStrings.xml holds {@code expandedBytes} of strings: the shared strings
     * table is read whole before any sheet (Tika and POI keep it in memory), unlike a sheet, which streams.
     */
    public static Path xlsxBomb(Path file, long expandedBytes) throws IOException {
        String item = "<si><t>" + LAUGHS + "</t></si>";
        long count = expandedBytes / item.length();
        try (ZipOutputStream zip = zip(file)) {
            deflate(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                      <Default Extension="xml" ContentType="application/xml"/>
                      <Override PartName="/xl/workbook.xml"
                          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                      <Override PartName="/xl/worksheets/sheet1.xml"
                          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                      <Override PartName="/xl/sharedStrings.xml"
                          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>
                    """);
            deflate(zip, "_rels/.rels", relationships("officeDocument", "xl/workbook.xml"));
            deflate(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                      <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>
                    """);
            deflate(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                      <Relationship Id="rId1" Target="worksheets/sheet1.xml"
                          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
                      <Relationship Id="rId2" Target="sharedStrings.xml"
                          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>
                    </Relationships>
                    """);
            deflate(zip, "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                      <sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>
                    </worksheet>
                    """);
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + count
                    + "\" uniqueCount=\"" + count + "\">").getBytes(StandardCharsets.UTF_8));
            repeat(zip, item, expandedBytes);
            zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** (b) An ODT whose content.xml is {@code expandedBytes} of paragraphs. */
    public static Path odtBomb(Path file, long expandedBytes) throws IOException {
        try (ZipOutputStream zip = zip(file)) {
            storeUncompressed(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            deflate(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                      <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                      <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                      <office:body><office:text>""".getBytes(StandardCharsets.UTF_8));
            repeat(zip, "<text:p>" + LAUGHS + "</text:p>", expandedBytes);
            zip.write("</office:text></office:body></office:document-content>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * (c) A 42.zip-style bomb: {@code levels} of zips, each holding {@code width} copies of the level below; the
     * innermost zips hold {@code width} text files of {@code leafBytes}. Expands to width^levels x leafBytes while
     * each level stays small, since the deflate output of a repetitive input is itself repetitive and deflates again.
     * Nested {@code levels} deep only: the danger is the total size, not the depth.
     */
    public static Path nestedZipBomb(Path file, int levels, int width, long leafBytes) throws IOException {
        ByteArrayOutputStream leafZip = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(leafZip)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i < width; i++) {
                zip.putNextEntry(new ZipEntry("leaf-" + i + ".txt"));
                repeat(zip, LAUGHS, leafBytes);
                zip.closeEntry();
            }
        }
        byte[] level = leafZip.toByteArray();
        for (int depth = 2; depth <= levels; depth++) {
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(next)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                for (int i = 0; i < width; i++) {
                    zip.putNextEntry(new ZipEntry("level-" + depth + "-" + i + ".zip"));
                    zip.write(level);
                    zip.closeEntry();
                }
            }
            level = next.toByteArray();
        }
        Files.write(file, level);
        return file;
    }

    /**
     * (d) A PDF of {@code pages} empty letter-size pages, all the same page object referenced from the page tree: a
     * few hundred KB whatever the count, and every page needs OCR since none has a text layer.
     */
    public static Path manyPagesPdf(Path file, int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            for (int i = 0; i < pages; i++) {
                document.addPage(page);
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** (e) The billion laughs: ten entities, each ten of the one before; lol9 alone is 10^9 "lol"s (3 GB). */
    public static Path billionLaughs(Path file) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            xml.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** (f) An HTML page whose body is {@code depth} nested divs around one word. */
    public static Path deeplyNestedHtml(Path file, int depth) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("<!DOCTYPE html>\n<html><head><title>Nested</title></head><body>".getBytes(StandardCharsets.US_ASCII));
            repeat(out, "<div>", 5L * depth);
            out.write("deep".getBytes(StandardCharsets.US_ASCII));
            repeat(out, "</div>", 6L * depth);
            out.write("</body></html>\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** (f) A JSON document of {@code depth} nested arrays around one object. */
    public static Path deeplyNestedJson(Path file, int depth) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            repeat(out, "[", depth);
            out.write("{\"invoiceNumber\":\"DEEP-1\"}".getBytes(StandardCharsets.US_ASCII));
            repeat(out, "]", depth);
        }
        return file;
    }

    /** (g) Plain text of {@code bytes} in a single line: words and spaces, no line break anywhere. */
    public static Path singleLineText(Path file, long bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            repeat(out, "All work and no play makes Jack a dull boy. ", bytes);
        }
        return file;
    }

    /**
     * (h) A PNG declaring {@code width} x {@code height} 8-bit grey pixels, all black: decoded, it is width x height
     * bytes (900 MB at 30000 x 30000); the zeros deflate to about a thousandth of that.
     */
    public static Path hugePng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            // each row is a filter-type byte (0: none) and its pixels, all zero
            byte[] zeros = new byte[1 << 20];
            long remaining = (long) height * (width + 1);
            while (remaining > 0) {
                int n = (int) Math.min(zeros.length, remaining);
                deflated.write(zeros, 0, n);
                remaining -= n;
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            try (DataOutputStream h = new DataOutputStream(header)) {
                h.writeInt(width);
                h.writeInt(height);
                h.writeByte(8); // bit depth
                h.writeByte(0); // greyscale
                h.writeByte(0); // deflate
                h.writeByte(0); // adaptive filtering
                h.writeByte(0); // not interlaced
            }
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static ZipOutputStream zip(Path file) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
        zip.setLevel(Deflater.BEST_COMPRESSION);
        return zip;
    }

    private static String relationships(String type, String target) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Target="%s"
                      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s"/>
                </Relationships>
                """.formatted(target, type);
    }

    /**
     * Writes {@code unit} over and over until {@code bytes} are written (the last copy cut short), through a 1 MB
     * buffer of copies: the only memory it takes whatever {@code bytes} is.
     */
    private static void repeat(OutputStream out, String unit, long bytes) throws IOException {
        byte[] one = unit.getBytes(StandardCharsets.UTF_8);
        int copies = Math.max(1, (1 << 20) / one.length);
        byte[] buffer = new byte[copies * one.length];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(one, 0, buffer, i * one.length, one.length);
        }
        long remaining = bytes;
        while (remaining >= buffer.length) {
            out.write(buffer);
            remaining -= buffer.length;
        }
        // whole units only, so the markup stays well formed
        out.write(Arrays.copyOf(buffer, (int) (remaining - remaining % one.length)));
    }

    private static void storeUncompressed(ZipOutputStream zip, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflate(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
