package io.certtrail.mode;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns {@code certtrail.mode=production} into the {@value RunMode#PRODUCTION_PROFILE} profile before the
 * configuration files are read, so application.yml's production document applies. The mode is read
 * from the environment, system properties and the command line (a configuration file is read too
 * late to choose which of its own documents apply; {@link ModeCheck} says so).
 */
class ModeProfile implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RunMode.of(environment) == RunMode.PRODUCTION) {
            environment.addActiveProfile(RunMode.PRODUCTION_PROFILE);
        }
    }
}
