package io.docflow.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Operations: dead-letter redrive")
class AdminController {

    private final DeadLetterRedrive redrive;

    AdminController(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @Operation(summary = "Move messages from the ingest dead-letter queue back to the ingest queue",
            description = "Jobs that failed as poison messages are reopened; other jobs keep their outcome.")
    @PostMapping("/dlq/redrive")
    DeadLetterRedrive.Outcome redrive(@RequestParam(defaultValue = "100") int max) {
        if (max < 1 || max > 10_000) {
            throw new IllegalArgumentException("max must be between 1 and 10000, was " + max);
        }
        return redrive.redrive(max);
    }
}
