package io.docflow.console;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console (docs/console.md): {@code /} is {@code static/index.html} (Boot's welcome page, revalidated with
 * Last-Modified each time), and its scripts and styles under {@code /console/} may be cached for a few minutes, so
 * that a new release reaches open browsers soon. The pages need no token; the API they call does.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

    static final Duration ASSET_MAX_AGE = Duration.ofMinutes(10);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/**")
                .addResourceLocations("classpath:/static/console/")
                .setCacheControl(CacheControl.maxAge(ASSET_MAX_AGE).cachePublic());
    }
}
