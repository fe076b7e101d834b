package org.srmap.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.srmap.server.privacy.PrivacySettings;

/** Starts the tile server: {@code ./srmap serve}. */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties({ServerSettings.class, PrivacySettings.class})
public class ServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(ServerApplication.class, args);
    }
}
