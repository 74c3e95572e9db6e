package io.docflow.api;

import io.docflow.security.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refused uploads as RFC 9457 problems: over the size limit while the body was read (413; a declared length over it is
 * refused earlier, by the upload guard) and a sniffed type docflow does not read (415, naming the type). Ordered
 * first, so it answers these before the general API error handling does.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(SecurityProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "File too large",
                "The upload exceeds " + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes " : "")
                        + "(spring.servlet.multipart.max-file-size / max-request-size); put large files into the input "
                        + "bucket directly", request.getRequestURI()));
    }

    @ExceptionHandler(UnsupportedDocumentTypeException.class)
    ResponseEntity<ProblemDetail> unsupportedType(UnsupportedDocumentTypeException e, HttpServletRequest request) {
        ProblemDetail problem = SecurityProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_document_type",
                "Unsupported document type", e.getMessage(), request.getRequestURI());
        problem.setProperty("detectedType", e.detectedType());
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
