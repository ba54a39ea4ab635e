package org.gazette.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that runs on the settings alone: the launcher gives it a context with
 * only itself as a bean (constructor parameters such as {@code Environment}), no database
 * connection, no migrations. For work on the database's files that must not open them,
 * such as {@code restore}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OfflineCommand {

}
