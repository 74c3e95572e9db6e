package io.docflow.extract;

import java.util.ArrayList;
import java.util.List;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Notes where each page begins in the text written through it: Tika's PDF parser wraps every page in
 * {@code <div class="page">}. The offsets are counts of the characters passed on, so they match the text the
 * decorated handler writes (capped at its length by the caller when a write limit cut the text short).
 * A page past {@code maxPages} ends the parse with {@link PageLimitReachedException}: counting as the parser goes
 * holds for a file whose page tree lies about its page count.
 */
final class PageStarts extends ContentHandlerDecorator {

    private final List<Integer> starts = new ArrayList<>();
    private final int maxPages;
    private long written;

    PageStarts(ContentHandler handler, int maxPages) {
        super(handler);
        this.maxPages = maxPages;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
            if (starts.size() == maxPages) {
                throw new PageLimitReachedException(maxPages);
            }
            starts.add((int) Math.min(written, Integer.MAX_VALUE));
        }
        super.startElement(uri, localName, name, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        super.characters(ch, start, length);
        written += length;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        super.ignorableWhitespace(ch, start, length);
        written += length;
    }

    /** The start offset of each page, in page order, none past {@code textLength}; empty for formats without pages. */
    List<Integer> offsets(int textLength) {
        return starts.stream().map(offset -> Math.min(offset, textLength)).toList();
    }
}
