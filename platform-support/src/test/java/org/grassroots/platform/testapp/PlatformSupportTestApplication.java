package org.grassroots.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on platform-support, for testing what every service gets from it. */
@SpringBootApplication
public class PlatformSupportTestApplication {
}
