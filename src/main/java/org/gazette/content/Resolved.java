package org.gazette.content;

/**
 * What an address leads to. An author or topic merged into another keeps its address;
 * asking for it gives the survivor, and {@code moved} tells the page to answer with a
 * permanent redirect to the survivor's own address.
 *
 * @param <T> {@link Author} or {@link Topic}
 * @param value the profile in use at that address, or the survivor of a merge
 * @param moved whether the address asked for is not {@code value}'s own
 */
public record Resolved<T>(T value, boolean moved) {
}
