package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;

import org.apache.tika.sax.ToTextContentHandler;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

class PageStartsTest {

    private final StringWriter out = new StringWriter();
    private final PageStarts pages = new PageStarts(new ToTextContentHandler(out), 3);

    private static AttributesImpl withClass(String value) {
        AttributesImpl attributes = new AttributesImpl();
        if (value != null) {
            attributes.addAttribute("", "class", "class", "CDATA", value);
        }
        return attributes;
    }

    private void start(String element, String cssClass) throws SAXException {
        pages.startElement("http://www.w3.org/1999/xhtml", element, element, withClass(cssClass));
    }

    private void text(String text) throws SAXException {
        pages.characters(text.toCharArray(), 0, text.length());
    }

    @Test
    void eachPageDivMarksWhereItsTextBegins() throws SAXException {
        start("div", "page");
        text("Hello");
        pages.endElement("", "div", "div");
        start("div", "page");
        text("ab");
        pages.ignorableWhitespace("\n".toCharArray(), 0, 1);
        pages.endElement("", "div", "div");
        start("div", "page");
        text("end");

        assertThat(pages.offsets(100)).containsExactly(0, 5, 8);
        assertThat(out.toString()).isEqualTo("Helloab\nend");
        assertThat(out.toString().substring(5, 8)).isEqualTo("ab\n");
    }

    @Test
    void onlyCharactersPassedOnCountNotTheWholeBuffer() throws SAXException {
        char[] buffer = "xxHELLOxx".toCharArray();
        start("div", "page");
        pages.characters(buffer, 2, 5);
        start("div", "page");

        assertThat(pages.offsets(100)).containsExactly(0, 5);
    }

    @Test
    void otherElementsAndOtherDivsAreNoPages() throws SAXException {
        start("div", "page");
        text("one");
        start("div", "annotation");
        start("div", null);
        start("p", "page");
        text("two");

        assertThat(pages.offsets(100)).containsExactly(0);
    }

    @Test
    void offsetsAreCappedAtTheTextLengthAfterAWriteLimit() throws SAXException {
        start("div", "page");
        text("0123456789");
        start("div", "page");
        text("abc");
        start("div", "page");

        assertThat(pages.offsets(12)).containsExactly(0, 10, 12);
        assertThat(pages.offsets(4)).containsExactly(0, 4, 4);
    }

    @Test
    void aFormatWithoutPagesHasNoOffsets() throws SAXException {
        start("p", null);
        text("plain text");

        assertThat(pages.offsets(10)).isEmpty();
    }

    @Test
    void aPagePastTheLimitEndsTheParse() throws SAXException {
        start("div", "page");
        start("div", "page");
        start("div", "page");

        assertThatThrownBy(() -> start("div", "page"))
                .isInstanceOf(PageLimitReachedException.class)
                .hasMessage("more than docflow.extract.max-pages (3) pages");
        assertThat(PageLimitReachedException.in(new RuntimeException(new SAXException(new PageLimitReachedException(3)))))
                .isNotNull();
    }
}
