package org.grassroots.platform.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link FieldCipher} bean, in every service that names a key ring ({@code grassroots.field-cipher.keys},
 * even empty: then start-up fails saying the setting is missing). A service that stores no personal data
 * names none and has no cipher.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "grassroots.field-cipher", name = "keys")
@EnableConfigurationProperties(FieldCipherProperties.class)
public class FieldCipherConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FieldCipher fieldCipher(FieldCipherProperties properties) {
        return FieldCipher.fromSetting(properties.keys());
    }
}
