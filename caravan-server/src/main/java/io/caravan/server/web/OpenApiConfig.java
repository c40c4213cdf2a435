package io.caravan.server.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, the two ways to authenticate (so the UI offers "Authorize" for an API key), and
 * schemas named as the API writes its JSON.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI caravanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Caravan API").version("v1")
                        .description("Risk of cross-border e-commerce supply chains: send records, read explained assessments,"
                                + " work alerts and cases. Errors are RFC 9457 problem details; see docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("ck_<prefix>_<secret>").description("An API key from POST /api/v1/api-keys"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID").description("The session after logging in at /login")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    /**
     * The API names its fields in snake_case ({@code spring.jackson.property-naming-strategy}). swagger-core builds the
     * document's schemas with a mapper of its own, which has to be told the same: left alone, it described {@code pMax}
     * and {@code assessmentId} where the API sends {@code p_max} and {@code assessment_id}.
     */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
