package io.docflow.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents", description = "Submit documents and follow their jobs")
class DocumentsController {

    private final DocumentUploads uploads;
    private final JobQueries jobs;
    private final DocumentTypes types;

    DocumentsController(DocumentUploads uploads, JobQueries jobs, DocumentTypes types) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.types = types;
    }

    @Operation(summary = "Upload a document",
            description = "Stores the file in the input bucket; the job is processed like any object landing there. "
                    + "Needs the submitter role. The type is sniffed from the content; the declared type is not trusted.")
    @ApiResponse(responseCode = "202", description = "Accepted: the job id and where to follow it")
    @ApiResponse(responseCode = "400", description = "No file part, or an empty file")
    @ApiResponse(responseCode = "413", description = "Over the upload size limit")
    @ApiResponse(responseCode = "415", description = "A type docflow does not read, as detected from the content")
    @ApiResponse(responseCode = "429", description = "Over the caller's upload rate; Retry-After says when to retry")
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, String>> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("The uploaded file '" + file.getOriginalFilename() + "' is empty");
        }
        String type;
        try (var content = file.getInputStream()) {
            type = types.acceptedType(content, DocumentUploads.safeName(file.getOriginalFilename())).toString();
        }
        String jobId = uploads.upload(file.getOriginalFilename(), type, file.getSize(), file.getInputStream());
        String statusUrl = "/api/v1/jobs/" + jobId;
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(statusUrl))
                .body(Map.of("jobId", jobId, "statusUrl", statusUrl, "resultUrl", statusUrl + "/result"));
    }

    @Operation(summary = "A job's status, class, timings and errors")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No such job")
    @GetMapping(path = "/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status(@PathVariable String jobId) {
        return jobs.status(jobId);
    }

    @Operation(summary = "A job's result document")
    @ApiResponse(responseCode = "200", description = "The result JSON")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job has no result yet")
    @GetMapping(path = "/jobs/{jobId}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> result(@PathVariable String jobId) {
        var result = jobs.result(jobId);
        if (result == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("result_not_ready",
                    "Job " + jobId + " has no result yet; follow /api/v1/jobs/" + jobId));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new InputStreamResource(result));
    }
}
