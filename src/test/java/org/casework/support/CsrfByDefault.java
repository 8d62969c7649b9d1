package org.casework.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc requests carry a valid CSRF token, as the pages' forms do; the user comes from the test.
 */
@TestConfiguration
public class CsrfByDefault {

  @Bean
  MockMvcBuilderCustomizer csrfByDefault() {
    return builder -> builder.defaultRequest(get("/").with(csrf()));
  }
}
