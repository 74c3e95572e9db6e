package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuoteLocatorTest {

    @Test
    void aQuoteRunningOverThePageEndCountsForThePageItStartsOn() {
        String text = "page one ends with Total\n";
        String next = "693.86 on page two\n";
        QuoteLocator locator = new QuoteLocator(text + next, new Pages(List.of(0, text.length()), text.length() + next.length()));

        List<QuoteLocator.Found> found = locator.locate(List.of(new QuoteLocator.Request("Total 693.86", 1),
                new QuoteLocator.Request("on page two", 1), new QuoteLocator.Request("", 1)));

        assertThat(found.get(0)).isEqualTo(new QuoteLocator.Found(text.indexOf("Total"), text.length() + 6, 1));
        assertThat(found.get(1).page()).isEqualTo(2);
        assertThat(found.get(2)).isNull();
    }

    /** Two million characters, a thousand pages, five thousand quotes half without a page: one pass, not 5,000. */
    @Test
    void manyQuotesInALongTextAreFoundInLinearTime() {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<QuoteLocator.Request> requests = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int line = 0;
        while (text.length() < 2_000_000) {
            if (line % 40 == 0) {
                starts.add(text.length());
            }
            String entry = String.format("%06d  Payment to supplier number %d   ref X-%d   amount %d.%02d%n", line, line * 7, line, line % 900, line % 100);
            if (line % 5 == 0) {
                expected.add(text.length());
                String quote = entry.strip().replaceAll("\\s+", " ");
                requests.add(new QuoteLocator.Request(quote, line % 2 == 0 ? starts.size() : null));
            }
            text.append(entry);
            line++;
        }
        String document = text.toString();
        QuoteLocator locator = new QuoteLocator(document, new Pages(starts, document.length()));

        List<QuoteLocator.Found> found = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> locator.locate(requests));

        assertThat(requests).hasSizeGreaterThan(5000);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(found.get(i).start()).isEqualTo(expected.get(i));
        }
    }
}
