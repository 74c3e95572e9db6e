package io.docflow.local;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.docflow.DocflowApplication;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole docflow application against the JVM's shared local AWS services, on a random HTTP port. Parsing runs in
 * parser workers as in production, one per context rather than two: the test JVM keeps a dozen contexts cached, each
 * with its workers, and HostileInputAtProductionHeapTest runs the production defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@CamelSpringBootTest
@SpringBootTest(classes = DocflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docflow.extract.isolation.workers=1")
@ContextConfiguration(initializers = LocalAwsInitializer.class)
public @interface DocflowTest {
}
