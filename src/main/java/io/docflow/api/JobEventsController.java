package io.docflow.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents", description = "Submit documents and follow their jobs")
class JobEventsController {

    private final JobEvents events;

    JobEventsController(JobEvents events) {
        this.events = events;
    }

    @Operation(summary = "Job changes as server-sent events",
            description = "A `ready` event once the stream misses no change (load the list then), then a `job` event "
                    + "(data: the job as GET /api/v1/jobs/{jobId} shows it) for every job among the newest that is new "
                    + "or changed, about a second after the change; comment lines as heartbeats.")
    @ApiResponse(responseCode = "200", description = "The stream (text/event-stream); it ends after a while, reconnect")
    @GetMapping(path = "/jobs/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return events.subscribe();
    }
}
