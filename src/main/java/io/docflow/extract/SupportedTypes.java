package io.docflow.extract;

import java.util.Map;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Whether a composite parser has a parser of its own for a media type, looked up the way Tika does it: the type,
 * then its supertypes (text/x-java-source falls back to text/plain). Without this check an unknown type would go to
 * Tika's fallback parser, which silently returns no text.
 */
final class SupportedTypes {

    private final Map<MediaType, Parser> parsers;
    private final MediaTypeRegistry registry;

    SupportedTypes(CompositeParser parser) {
        this.parsers = parser.getParsers(new ParseContext());
        this.registry = parser.getMediaTypeRegistry();
    }

    boolean supports(MediaType detected) {
        for (MediaType type = registry.normalize(detected.getBaseType()); type != null; type = registry.getSupertype(type)) {
            if (parsers.containsKey(type)) {
                return true;
            }
        }
        return false;
    }
}
