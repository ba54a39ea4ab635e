package org.gazette.content;

/**
 * A story to create with {@link Content#createStories}.
 *
 * @param slug its address, which must be free
 * @param draft its first revision
 * @param body the draft's body rendered ahead by {@link Content#render}, or null
 */
public record NewStory(String slug, RevisionDraft draft, RenderedBody body) {
}
