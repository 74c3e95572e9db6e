package io.docflow.evaluation.set;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** A PDF with a text layer, set in the standard fonts from the page layout; the same content gives the same bytes. */
final class PdfRendering {

    private PdfRendering() {
    }

    static byte[] render(DocumentSpec spec) {
        List<PageLayout.Page> pages = PageLayout.layOut(spec.page(), spec.blocks());
        try (PDDocument document = new PDDocument()) {
            Map<Block.Style, PDType1Font> fonts = new EnumMap<>(Block.Style.class);
            for (Block.Style style : Block.Style.values()) {
                fonts.put(style, Fonts.pdfFont(spec.page().face(), style));
            }
            for (PageLayout.Page laidOut : pages) {
                PDPage page = new PDPage(new PDRectangle(laidOut.width(), laidOut.height()));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (PageLayout.Text text : laidOut.texts()) {
                        PDType1Font font = fonts.get(text.style());
                        float width = Fonts.width(spec.page().face(), text.style(), text.size(), text.text());
                        float x = switch (text.align()) {
                            case LEFT -> text.x();
                            case RIGHT -> text.x() - width;
                            case CENTER -> text.x() - width / 2;
                        };
                        content.beginText();
                        content.setFont(font, text.size());
                        content.newLineAtOffset(x, laidOut.height() - text.top());
                        content.showText(text.text());
                        content.endText();
                    }
                    content.setLineWidth(0.6f);
                    for (PageLayout.Rule rule : laidOut.rules()) {
                        content.moveTo(rule.x1(), laidOut.height() - rule.top());
                        content.lineTo(rule.x2(), laidOut.height() - rule.top());
                        content.stroke();
                    }
                }
            }
            return save(document, spec.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves with fixed metadata (a set creation date, an id from the name), so nothing depends on the clock. */
    static byte[] save(PDDocument document, String name) throws IOException {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(name);
        info.setProducer("docflow evaluation set");
        Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        fixed.clear();
        fixed.set(2024, Calendar.JANUARY, 1, 0, 0, 0);
        info.setCreationDate(fixed);
        info.setModificationDate(fixed);
        document.setDocumentInformation(info);
        COSArray id = new COSArray();
        byte[] bytes = String.format("%-16.16s", name).getBytes(StandardCharsets.US_ASCII);
        id.add(new COSString(bytes));
        id.add(new COSString(bytes));
        document.getDocument().getTrailer().setItem(COSName.ID, id);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }
}
