package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockMultipartFile;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class DocumentsControllerTest {

    private static final String JOB_ID = "5f0c4e9e-8a52-3c1e-9d0e-2b8f1a7c6d41";
    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment())
            .bindOrCreate("docflow", DocflowProperties.class);
    private static final SecurityProperties SECURITY = Binder.get(new MockEnvironment()
                    .withProperty("docflow.security.issuer-uri", "https://issuer.example")
                    .withProperty("docflow.security.audiences", "docflow"))
            .bindOrCreate("docflow.security", SecurityProperties.class);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

    private String uploaded;
    private ResponseInputStream<GetObjectResponse> storedResult;

    private final DocumentUploads uploads = new DocumentUploads(null, null, PROPERTIES) {
        @Override
        String upload(String fileName, String contentType, long size, InputStream content) {
            uploaded = fileName + " " + contentType + " " + size;
            return JOB_ID;
        }
    };
    private final JobQueries jobs = new JobQueries(null, null, PROPERTIES) {
        @Override
        ResponseInputStream<GetObjectResponse> result(String jobId) {
            return storedResult;
        }
    };
    private final DocumentsController controller = new DocumentsController(uploads, jobs,
            new DocumentTypes(SECURITY), PROPERTIES);

    @Test
    void anUploadIsAcceptedWithWhereToFollowItsJob() throws IOException {
        ResponseEntity<Map<String, String>> response = controller.upload(
                new MockMultipartFile("file", "a.pdf", "application/pdf", PDF));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getHeaders().getLocation()).isEqualTo(URI.create("/api/v1/jobs/" + JOB_ID));
        assertThat(response.getBody()).isEqualTo(Map.of("jobId", JOB_ID, "statusUrl", "/api/v1/jobs/" + JOB_ID,
                "resultUrl", "/api/v1/jobs/" + JOB_ID + "/result"));
        assertThat(uploaded).isEqualTo("a.pdf application/pdf " + PDF.length);
    }

    @Test
    void theStoredTypeIsTheSniffedOneNotTheDeclaredOne() throws IOException {
        controller.upload(new MockMultipartFile("file", "notes.bin", "application/octet-stream",
                "Invoice Number: INV-1\nTotal: 10.00\n".getBytes()));

        assertThat(uploaded).startsWith("notes.bin text/plain ");
    }

    @Test
    void wordFilesAndImagesAreToldByTheirContentNotTheirNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        byte[] docx = java.nio.file.Files.readAllBytes(io.docflow.extract.OfficeFixtures.docx(dir.resolve("letter.docx"),
                "Letter", "A. Writer", "Dear team, the report is attached."));
        controller.upload(new MockMultipartFile("file", "letter.zip", "application/zip", docx));
        assertThat(uploaded).startsWith("letter.zip application/vnd.openxmlformats-officedocument.wordprocessingml.document ");

        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        controller.upload(new MockMultipartFile("file", "scan.pdf", "application/pdf", png.toByteArray()));
        assertThat(uploaded).startsWith("scan.pdf image/png ");
    }

    @Test
    void aTypeDocflowDoesNotReadIsRefusedWhateverItIsDeclaredAsAndNothingIsStored() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};

        assertThatThrownBy(() -> controller.upload(new MockMultipartFile("file", "invoice.pdf", "application/pdf", elf)))
                .isInstanceOf(UnsupportedDocumentTypeException.class)
                .hasMessageStartingWith("'invoice.pdf' is application/x-")
                .hasMessageContaining("detected from its content");
        assertThat(uploaded).isNull();
    }

    @Test
    void anEmptyUploadIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> controller.upload(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The uploaded file 'empty.pdf' is empty");
        assertThat(uploaded).isNull();
    }

    @Test
    void aStoredResultIsServedAsJson() throws IOException {
        storedResult = new ResponseInputStream<>(GetObjectResponse.builder().build(),
                AbortableInputStream.create(new ByteArrayInputStream("{\"status\":\"COMPLETED\"}".getBytes())));

        ResponseEntity<InputStreamResource> response = controller.result(JOB_ID);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        try (InputStream body = response.getBody().getInputStream()) {
            assertThat(new String(body.readAllBytes())).isEqualTo("{\"status\":\"COMPLETED\"}");
        }
    }
}
