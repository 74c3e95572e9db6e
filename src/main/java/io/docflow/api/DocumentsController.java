package io.docflow.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents", description = "Submit documents and follow their jobs")
class DocumentsController {

    static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

    private final DocumentUploads uploads;
    private final JobQueries jobs;
    private final DocumentTypes types;
    private final DocflowProperties.Listing listing;

    DocumentsController(DocumentUploads uploads, JobQueries jobs, DocumentTypes types, DocflowProperties properties) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.types = types;
        this.listing = properties.jobs().listing();
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

    @Operation(summary = "List and search jobs, newest first",
            description = "Filters by status and creation time through the jobs table's indexes, by class, source "
                    + "prefix and reason as filters on them; pages of `limit` jobs, continued with `nextCursor`.")
    @ApiResponse(responseCode = "200", description = "A page of jobs and the cursor of the next one (null at the end)")
    @ApiResponse(responseCode = "400", description = "An unknown or invalid parameter, or a cursor of another search")
    @GetMapping(path = "/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(required = false) String status,
                             @RequestParam(name = "class", required = false) String documentClass,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String sourcePrefix,
                             @RequestParam(required = false) String reason,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String cursor,
                             HttpServletRequest request) {
        return jobs.list(JobListParameters.parse(request.getParameterMap().keySet(), status, documentClass, from, to,
                sourcePrefix, reason, limit, cursor, listing));
    }

    @Operation(summary = "A job's result document")
    @ApiResponse(responseCode = "200", description = "The result JSON")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job has no result yet")
    @GetMapping(path = "/jobs/{jobId}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InputStreamResource> result(@PathVariable String jobId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new InputStreamResource(jobs.result(jobId)));
    }

    @Operation(summary = "The text extracted from a job's document",
            description = "The text the evidence offsets of the result point into (the result's textLocation).")
    @ApiResponse(responseCode = "200", description = "The text, UTF-8")
    @ApiResponse(responseCode = "404", description = "No such job, or no text stored for it")
    // no `produces`: the text comes as text/plain, and a missing one as a 404 problem, whatever the client accepts
    @GetMapping(path = "/jobs/{jobId}/text")
    ResponseEntity<InputStreamResource> text(@PathVariable String jobId) {
        var text = jobs.text(jobId);
        var response = ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT_PLAIN_UTF8));
        if (text.response().contentLength() != null) {
            response.contentLength(text.response().contentLength());
        }
        return response.body(new InputStreamResource(text));
    }
}
