package io.docflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.docflow.security.SecurityProperties;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.springframework.stereotype.Component;

/**
 * The type of an upload, sniffed from its bytes with Tika's detector (magic bytes; for ZIP and OLE files, the
 * container's entries, so a .docx is not just a ZIP); the declared type and the file name are not trusted. Types
 * docflow does not read are refused ({@link UnsupportedDocumentTypeException}, 415) before anything is stored.
 */
@Component
class DocumentTypes {

    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final List<MediaType> accepted;

    DocumentTypes(SecurityProperties properties) {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        this.accepted = properties.uploads().acceptedTypes().stream().map(MediaType::parse).toList();
    }

    /** The detected type of {@code content}, if docflow reads it; else UnsupportedDocumentTypeException. */
    MediaType acceptedType(InputStream content, String fileName) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            detected = detector.detect(in, new Metadata()).getBaseType();
        }
        for (MediaType type = registry.normalize(detected); type != null; type = registry.getSupertype(type)) {
            if (accepted.contains(type)) {
                return detected;
            }
        }
        throw new UnsupportedDocumentTypeException(fileName, detected.toString());
    }
}
