package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import io.docflow.local.ApiTokens;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The web console's pages and assets as the service serves them, and the small API it adds (the class list). */
@JobsApiContext
class ConsoleTest {

    @Autowired TestRestTemplate http;

    @Test
    void theConsoleIsServedAtTheRootWithoutAToken() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<title>docflow console</title>", "console/app.js");
    }

    @Test
    void itsScriptsAreModulesTheBrowserMayCacheForAWhile() {
        for (String asset : new String[] {"app.js", "api.js", "sse.js", "highlight.js", "live.js", "dom.js", "jobs.js", "job.js", "review.js"}) {
            ResponseEntity<String> script = http.getForEntity("/console/" + asset, String.class);

            assertThat(script.getStatusCode().value()).as(asset).isEqualTo(200);
            assertThat(script.getHeaders().getContentType().toString()).as(asset).contains("javascript");
            assertThat(script.getHeaders().getCacheControl()).as(asset).contains("max-age=600").contains("public");
        }
        ResponseEntity<String> style = http.getForEntity("/console/console.css", String.class);
        assertThat(style.getHeaders().getContentType().toString()).startsWith("text/css");
    }

    @Test
    void theClassesComeFromTheCatalogByName() {
        assertThat(http.getForEntity("/api/v1/classes", JsonNode.class).getStatusCode().value())
                .as("the pages are open, the API is not").isEqualTo(401);

        ResponseEntity<JsonNode> classes = http.exchange("/api/v1/classes", HttpMethod.GET,
                new HttpEntity<>(ApiTokens.headers("viewer")), JsonNode.class);

        assertThat(classes.getStatusCode().value()).isEqualTo(200);
        assertThat(classes.getBody().get("classes").findValuesAsText("name"))
                .contains("invoice", "receipt", "other").isSorted();
        assertThat(classes.getBody().at("/classes/0/description").asText()).isNotBlank();
        JsonNode invoice = classes.getBody().get("classes").findParents("name").stream()
                .filter(c -> c.get("name").asText().equals("invoice")).findFirst().orElseThrow();
        assertThat(invoice.at("/schema/properties/total/type").asText()).isEqualTo("number");
        assertThat(invoice.get("keyFields").toString()).contains("total");
    }
}
