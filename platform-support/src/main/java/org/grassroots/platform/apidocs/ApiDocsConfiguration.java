package org.grassroots.platform.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * The frame of every service's OpenAPI description at {@code /v3/api-docs} (springdoc fills in the
 * endpoints). Two things matter for the gateway's one Swagger UI, which loads each description
 * through the gateway: the server is the relative {@code /}, so "Try it out" calls go to the
 * gateway the UI came from and never straight to a service; and every operation needs a bearer
 * token, which the UI's "Authorize" button supplies.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsConfiguration {

    static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI grassrootsOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title("Grassroots " + application)
                        .description("Paths are as the gateway serves them. Errors are RFC 9457 problem details.")
                        .version("v1"))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the Keycloak realm grassroots")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
