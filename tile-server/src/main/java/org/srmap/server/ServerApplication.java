package org.srmap.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.srmap.server.admin.AdminSettings;
import org.srmap.server.privacy.PrivacySettings;
import org.srmap.server.security.RateLimitSettings;

/** Starts the tile server: {@code ./srmap serve}. */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties({
    ServerSettings.class,
    AdminSettings.class,
    RateLimitSettings.class,
    PrivacySettings.class
})
public class ServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(ServerApplication.class, args);
    }
}
