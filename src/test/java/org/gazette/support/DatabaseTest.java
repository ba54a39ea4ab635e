package org.gazette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A repository test that runs twice, on H2 and on PostgreSQL. The method takes one
 * {@code Databases.Lazy} parameter and calls {@code get()} for its fresh, migrated
 * database.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "on {0}")
@ArgumentsSource(Databases.class)
public @interface DatabaseTest {

}
