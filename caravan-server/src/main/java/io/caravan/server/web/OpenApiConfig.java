package io.caravan.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways to authenticate, so the UI offers "Authorize" for an API key. */
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
}
