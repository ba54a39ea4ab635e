/**
 * Configuration, time, security headers and web plumbing that every feature shares; no
 * business rules.
 */
package org.gazette.platform;
