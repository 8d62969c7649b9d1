package org.casework.casefile.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tasklist's REST API, used to learn who completed a task (Tasklist 8.6 without Identity). */
@ConfigurationProperties("casework.tasklist")
record TasklistProperties(String url, String username, String password) {}
