package org.gazette.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the {@code @Scheduled} work (following the change events, the automatic export) in
 * the server only. An operator's command ({@code gazette.command}) has none to do:
 * without this, its scheduler thread woke four times a second to find it was a command,
 * and every bean was searched for {@code @Scheduled} methods at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gazette.command:}' == ''")
@EnableScheduling
class SchedulingConfiguration {

}
