package io.docflow.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents")
class ReprocessController {

    private final JobReprocessing reprocessing;

    ReprocessController(JobReprocessing reprocessing) {
        this.reprocessing = reprocessing;
    }

    @Operation(summary = "Re-process a finished job",
            description = "A new run of the same document with the current prompts, models and settings; the result "
                    + "before it is kept as a version.")
    @ApiResponse(responseCode = "202", description = "Accepted: the job runs again")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job is still running, held by a reviewer, or its document changed or is gone")
    @PostMapping("/jobs/{jobId}/reprocess")
    ResponseEntity<Map<String, String>> reprocess(@PathVariable String jobId) {
        JobReprocessing.Started started = reprocessing.reprocess(jobId);
        String statusUrl = "/api/v1/jobs/" + jobId;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("statusUrl", statusUrl);
        body.put("resultUrl", statusUrl + "/result");
        body.put("previousResult", started.previousResult());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(statusUrl)).body(body);
    }
}
