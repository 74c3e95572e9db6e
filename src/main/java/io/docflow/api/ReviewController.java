package io.docflow.api;

import java.security.Principal;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review of NEEDS_REVIEW jobs: the queue, claims, the review itself, and corrections as ground truth. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "review", description = "Review NEEDS_REVIEW jobs and export the corrections")
class ReviewController {

    /** Who reviews when the request is not authenticated. */
    static final String ANONYMOUS = "anonymous";

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The claims naming a person, first found wins: Cognito's ID token, its access token; else the subject. */
    static final java.util.List<String> NAME_CLAIMS = java.util.List.of("cognito:username", "username");

    /**
     * The reviewer: the authenticated token's user name ({@link #NAME_CLAIMS}), else its subject; for another
     * authentication its name, and {@value #ANONYMOUS} without one.
     */
    static String reviewer(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            for (String claim : NAME_CLAIMS) {
                if (jwt.getClaims().get(claim) instanceof String name && !name.isBlank()) {
                    return name;
                }
            }
            if (jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
                return jwt.getSubject();
            }
        }
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? ANONYMOUS : principal.getName();
    }

    @Operation(summary = "The review queue: NEEDS_REVIEW jobs, newest first",
            description = "Through the status index; each job with its review reasons and current claim.")
    @ApiResponse(responseCode = "200", description = "A page of jobs and the cursor of the next one (null at the end)")
    @ApiResponse(responseCode = "400", description = "An invalid limit or cursor")
    @GetMapping(path = "/review/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> queue(@RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor) {
        return reviews.queue(limit, cursor);
    }

    @Operation(summary = "Claim a job for review (a lease; claiming again renews it)")
    @ApiResponse(responseCode = "200", description = "The claim: who holds it and until when")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "Claimed by another reviewer, or not NEEDS_REVIEW")
    @PostMapping(path = "/jobs/{jobId}/review/claim", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> claim(@PathVariable String jobId, Principal principal) {
        return reviews.claim(jobId, reviewer(principal));
    }

    @Operation(summary = "Release one's own claim on a job")
    @ApiResponse(responseCode = "204", description = "Released (or the caller held no claim)")
    @ApiResponse(responseCode = "404", description = "No such job")
    @DeleteMapping(path = "/jobs/{jobId}/review/claim")
    ResponseEntity<Void> release(@PathVariable String jobId, Principal principal) {
        reviews.release(jobId, reviewer(principal));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Review a claimed job: approve, correct, reclassify or reject",
            description = "Corrected fields are validated against the class schema; rules and grounding re-run on them.")
    @ApiResponse(responseCode = "200", description = "The job's final status, the changes and the re-run rules")
    @ApiResponse(responseCode = "400", description = "No or an unreadable body, an unknown action or class")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "Not claimed by the caller, or not NEEDS_REVIEW")
    @ApiResponse(responseCode = "422", description = "The fields break the class schema")
    @PostMapping(path = "/jobs/{jobId}/review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> review(@PathVariable String jobId, @RequestBody ReviewRequest request, Principal principal) {
        return reviews.review(jobId, reviewer(principal), request);
    }

    @Operation(summary = "Reviewed documents as a ground-truth manifest",
            description = "Jobs approved, corrected or reclassified in [from, to), as docs/evaluation.md's manifest.")
    @ApiResponse(responseCode = "200", description = "The manifest")
    @ApiResponse(responseCode = "400", description = "An invalid time or range")
    @GetMapping(path = "/review/corrections", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode corrections(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reviews.corrections(from, to);
    }
}
