package io.docflow.legacy;

import java.net.URL;

import io.docflow.legacy.xml.ObjectFactory;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import javax.xml.validation.Schema;
import org.springframework.stereotype.Component;

/**
 * The published contract, loaded once: legacy/legacy.xsd on the class path (src/main/resources/legacy) and the JAXB
 * types generated from it. Both are thread-safe; marshallers and validators made from them are not, so each use
 * makes its own.
 */
@Component
public class LegacyContract {

    static final String SCHEMA_RESOURCE = "legacy/legacy.xsd";

    private final JAXBContext jaxb;
    private final Schema schema;

    public LegacyContract() {
        URL location = LegacyContract.class.getClassLoader().getResource(SCHEMA_RESOURCE);
        if (location == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath (src/main/resources/legacy)");
        }
        this.schema = SafeXml.schema(location);
        try {
            this.jaxb = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot build the JAXB context of the legacy types", e);
        }
    }

    public JAXBContext jaxb() {
        return jaxb;
    }

    public Schema schema() {
        return schema;
    }
}
