package io.docflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web console end to end in a real browser: Debian's headless chromium, driven through its chromedriver by
 * Selenium, against the whole of docflow in local mode. A user uploads documents through the drop zone's file input,
 * watches them reach COMPLETED in the list without reloading, opens one and sees a field's evidence highlighted in the
 * text; then reviews a NEEDS_REVIEW invoice (its totals do not add up) to COMPLETED. Screenshots of each step go to
 * target/console-screenshots/. scripts/test-prerequisites.sh installs chromium and chromium-driver.
 */
@DocflowTest
@TestPropertySource(properties = {
        "docflow.buckets.input=console-input", "docflow.buckets.results=console-results",
        "docflow.queues.ingest=console-ingest", "docflow.queues.ingest-dlq=console-ingest-dlq",
        "docflow.queues.legacy-requests=console-legacy-requests",
        "docflow.queues.legacy-responses=console-legacy-responses",
        "docflow.jobs.table=console-jobs"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Path DOCUMENTS = Path.of("target/console-documents");
    private static final Duration PROCESSING = Duration.ofSeconds(90);

    private static ChromeDriver browser;

    @LocalServerPort int port;

    /** What the browser showed when a test failed. */
    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOCUMENTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("/usr/bin/chromium", "chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("/usr/bin/chromedriver", "chromium-driver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void uploadsDocumentsWatchesThemCompleteAndSeesAFieldsEvidence() {
        Path first = document("invoice-console-1.pdf", Fixtures.invoiceText("INV-CONSOLE-1", "1,100.00"));
        Path second = document("invoice-console-2.pdf", Fixtures.invoiceText("INV-CONSOLE-2", "2,200.00"));
        open("/");
        waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        WebElement dropZone = browser.findElement(By.id("dropzone"));
        assertThat(dropZone.getAttribute("tabindex")).as("the drop zone is reachable by keyboard").isEqualTo("0");

        // several files at once, through the drop zone's file input (what the file dialog fills)
        browser.findElement(By.id("file-input")).sendKeys(first.toAbsolutePath() + "\n" + second.toAbsolutePath());

        waitFor(PROCESSING).until(d -> status("invoice-console-1.pdf").equals("COMPLETED")
                && status("invoice-console-2.pdf").equals("COMPLETED"));
        assertThat(browser.findElement(By.id("announcer")).getAttribute("textContent")).as("the live region told about it")
                .contains("invoice-console-1.pdf: COMPLETED");
        screenshot("01-jobs-list-completed");

        row("invoice-console-1.pdf").findElement(By.linkText("invoice-console-1.pdf")).click();
        WebElement total = waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#fields button[data-field='/total']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("invoice-console-1.pdf");
        total.click();

        WebElement highlighted = waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".doctext mark.current")));
        assertThat(highlighted.getText()).contains("1,100.00");
        assertThat(highlighted.getAttribute("data-field")).isEqualTo("/total");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("classify", "extract-fields", "ms");
        assertThat(browser.findElement(By.cssSelector("table.rules")).getText()).contains("invoice.total", "PASSED");
        assertThat(browser.findElement(By.cssSelector("details.raw pre")).getAttribute("textContent")).contains("\"costEstimateUsd\"");
        screenshot("02-job-page-highlighted-field");
    }

    /**
     * Needs the review API (GET /api/v1/review/queue, POST /api/v1/jobs/{id}/review/claim, POST /api/v1/jobs/{id}/review):
     * until it exists, this fails where the queue is read.
     */
    @Test
    @Order(2)
    void reviewsADocumentThatNeedsReviewToCompleted() {
        Path invoice = document("invoice-totals-off.pdf", Fixtures.invoiceText("INV-CONSOLE-3", "1,100.00")
                .replace("Total: $1,100.00", "Total: $1,250.00"));
        open("/");
        waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        browser.findElement(By.id("file-input")).sendKeys(invoice.toAbsolutePath().toString());
        waitFor(PROCESSING).until(d -> status("invoice-totals-off.pdf").equals("NEEDS_REVIEW"));
        String jobId = row("invoice-totals-off.pdf").getAttribute("data-job-id");
        screenshot("03-jobs-list-needs-review");

        // the review screen itself reads only the job, its result, its text and the classes
        row("invoice-totals-off.pdf").findElement(By.linkText("review")).click();
        WebElement total = waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#review-form input[data-pointer='/total']")));
        assertThat(total.getAttribute("type")).isEqualTo("number");
        assertThat(total.getAttribute("value")).isEqualTo("1250");
        assertThat(browser.findElement(By.cssSelector("label[for='" + total.getAttribute("id") + "']")).getText()).isEqualTo("total");
        total.click();
        WebElement highlighted = waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".doctext mark.current")));
        assertThat(highlighted.getText()).isEqualTo("1,250.00");
        assertThat(browser.findElement(By.cssSelector("table.rules")).getText()).contains("invoice.total", "FAILED");
        assertThat(browser.findElements(By.cssSelector("#review-class option"))).extracting(WebElement::getText).contains("invoice", "receipt");
        screenshot("04-review-screen");

        // from here on the review API: the queue, the claim, the review itself
        browser.findElement(By.linkText("Review")).click();
        WebElement item = waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".queue-item[data-job-id='" + jobId + "']")));
        assertThat(item.findElement(By.cssSelector(".reasons")).getText()).contains("invoice.total");
        screenshot("05-review-queue");

        item.findElement(By.xpath(".//button[normalize-space()='Claim and review']")).click();
        total = waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#review-form input[data-pointer='/total']")));
        total.clear();
        total.sendKeys("1100");

        browser.findElement(By.id("save-corrections")).click();
        waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("review-status"), "COMPLETED"));
        assertThat(browser.findElement(By.id("review-outcome")).getText()).contains("/total");
        screenshot("06-reviewed");

        browser.findElement(By.linkText("Open the job")).click();
        waitFor(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".summary .status"), "COMPLETED"));
        open("/");
        waitFor(Duration.ofSeconds(20)).until(d -> status("invoice-totals-off.pdf").equals("COMPLETED"));
        screenshot("07-jobs-list-reviewed");
    }

    /** Whether the browser's tab holds a token yet (it keeps one for the tab, as the console does). */
    private static boolean signedIn;

    /**
     * Opens {@code path}; the first time as local mode's one-click link ({@code /#token=...}, here a reviewer's: it may
     * upload, read and review), which the console keeps for the tab and takes out of the address bar.
     */
    private void open(String path) {
        if (signedIn) {
            browser.get("http://127.0.0.1:" + port + path);
            return;
        }
        browser.get("http://127.0.0.1:" + port + path + "#token=" + ApiTokens.token("reviewer", "console-browser-it"));
        waitFor(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("token="));
        signedIn = true;
    }

    private static WebDriverWait waitFor(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The row of the job list showing that file, or a NoSuchElementException (which the waits ignore). */
    private static WebElement row(String fileName) {
        return browser.findElement(By.xpath("//tbody[@id='jobs-body']/tr[td[1]/a[normalize-space()='" + fileName + "']]"));
    }

    private static String status(String fileName) {
        List<WebElement> rows = browser.findElements(By.xpath(
                "//tbody[@id='jobs-body']/tr[td[1]/a[normalize-space()='" + fileName + "']]"));
        return rows.isEmpty() ? "" : rows.get(0).getAttribute("data-status");
    }

    private static Path document(String name, String text) {
        try {
            return Files.write(DOCUMENTS.resolve(name), Fixtures.pdfOf(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's " + debianPackage
                    + " package (scripts/test-prerequisites.sh does when the README's test command runs)");
        }
        return path;
    }
}
