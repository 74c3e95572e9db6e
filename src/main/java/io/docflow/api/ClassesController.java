package io.docflow.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.docflow.model.DocumentClassCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "classes", description = "The document classes docflow knows")
class ClassesController {

    private final DocumentClassCatalog catalog;

    ClassesController(DocumentClassCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "The document classes",
            description = "Name, description, key fields and JSON schema of each class, by name.")
    @ApiResponse(responseCode = "200", description = "The classes")
    @GetMapping(path = "/classes", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> classes() {
        List<Map<String, Object>> classes = catalog.all().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(c -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", c.name());
                    entry.put("description", c.description());
                    entry.put("keyFields", c.keyFields());
                    entry.put("schema", c.schema());
                    return entry;
                }).toList();
        return Map.of("classes", classes);
    }
}
