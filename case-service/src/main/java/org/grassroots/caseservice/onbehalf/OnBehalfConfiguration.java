package org.grassroots.caseservice.onbehalf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the contact cipher's key settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactCipherProperties.class)
class OnBehalfConfiguration {
}
