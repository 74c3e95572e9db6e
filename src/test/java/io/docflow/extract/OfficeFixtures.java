package io.docflow.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Office and OpenDocument files written with POI, or for ODF by hand as the zip package it is. */
public final class OfficeFixtures {

    private OfficeFixtures() {
    }

    public static Path docx(Path file, String title, String author, String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator(author);
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
        }
        return file;
    }

    static Path xlsx(Path file, String sheetName, String label, double amount) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            var row = sheet.createRow(0);
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue(amount);
            workbook.write(out);
        }
        return file;
    }

    static Path pptx(Path file, String slideText) throws IOException {
        try (XMLSlideShow slides = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFTextBox box = slides.createSlide().createTextBox();
            box.setText(slideText);
            slides.write(out);
        }
        return file;
    }

    /** The smallest ODF text package: the mimetype entry first and stored, a manifest, the content. */
    static Path odt(Path file, String paragraph) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            storeUncompressed(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            deflate(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                      <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                      <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """);
            deflate(zip, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                      <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                    </office:document-content>
                    """.formatted(paragraph));
        }
        return file;
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
