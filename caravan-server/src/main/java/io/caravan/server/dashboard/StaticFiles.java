package io.caravan.server.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The dashboard's static files, each folder under its own path: {@code /css/**}, {@code /js/**}, {@code /data/**} from
 * {@code static/}, and {@code /webjars/**} (htmx, ECharts) with their versions left out of the address.
 *
 * <p>They replace Spring Boot's catch-all {@code /**} mapping ({@code spring.web.resources.add-mappings=false}). Every
 * link a page writes goes through the resource chain's URL encoding, which looks each address up among the static files;
 * with {@code /**} that meant four class-path lookups in the application's jar for every link to an order or a shipment,
 * which took most of a list page's time (docs/benchmarks.md, 2026-11-28, night). Links outside these folders are now left
 * as they are at once.
 */
@Configuration
public class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "data"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
