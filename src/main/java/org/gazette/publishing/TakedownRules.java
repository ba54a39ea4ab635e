package org.gazette.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gazette.content.InvalidContentException;
import org.gazette.content.InvalidContentException.Problem;
import org.gazette.content.Slugs;

/**
 * Checks a takedown before it is recorded, collecting every problem keyed by its form
 * field ({@code kind}, {@code explanation}, {@code reason}, {@code redirectUrl},
 * {@code target}). Only the field the chosen kind needs is read; public text is kept to
 * one plain paragraph.
 */
final class TakedownRules {

	static final int TEXT_MAX = 1000;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private final NewsroomRepository stories;

	TakedownRules(NewsroomRepository stories) {
		this.stories = stories;
	}

	/** The takedown as it will be stored. */
	record Checked(TakedownKind kind, String explanation, String redirectUrl, Long targetArticleId) {
	}

	Checked check(long articleId, String slug, Takedown takedown, Instant now) {
		List<Problem> problems = new ArrayList<>();
		TakedownKind kind = (takedown != null) ? takedown.kind() : null;
		if (kind == null) {
			problems.add(new Problem("kind", "Choose why the story is coming down."));
			throw InvalidContentException.of(problems);
		}
		String explanation = null;
		String url = null;
		Long target = null;
		switch (kind) {
			case GONE -> explanation = text(takedown.explanation(), "explanation", "Explanation", false, problems);
			case WITHDRAWN ->
				explanation = text(takedown.explanation(), "reason", "Reason for withdrawal", true, problems);
			case REDIRECT -> {
				url = PublicAddresses.checkDestination(takedown.redirectUrl(), "redirectUrl", "New address", problems);
				if (url != null && url.replaceAll("[?#].*$", "").replaceAll("/+$", "").equals("/news/" + slug)) {
					problems.add(new Problem("redirectUrl",
							"The new address is this story's own: readers would go round in circles."));
				}
			}
			case CONSOLIDATED -> target = target(articleId, takedown.targetSlug(), now, problems);
		}
		if (!problems.isEmpty()) {
			throw InvalidContentException.of(problems);
		}
		return new Checked(kind, explanation, url, target);
	}

	/** The public story named by slug or address, other than this one. */
	private Long target(long articleId, String typed, Instant now, List<Problem> problems) {
		String text = (typed != null) ? typed.strip() : "";
		if (text.isEmpty()) {
			problems.add(new Problem("target",
					"Enter the address of the story it was merged into, as in /news/new-lanes-open."));
			return null;
		}
		String slug = text.replaceAll("[?#].*$", "").replaceAll("/+$", "");
		int news = slug.lastIndexOf("/news/");
		slug = (news >= 0) ? slug.substring(news + "/news/".length()) : slug;
		if (!Slugs.isValid(slug)) {
			problems.add(new Problem("target",
					"Enter the story's address as it appears on the site, as in /news/new-lanes-open."));
			return null;
		}
		String wanted = slug;
		Long id = this.stories.story(wanted, now)
			.map(PublicStory::id)
			.or(() -> this.stories.idByFormerSlug(wanted)
				.flatMap(this.stories::address)
				.flatMap((moved) -> this.stories.story(moved.slug(), now))
				.map(PublicStory::id))
			.orElse(null);
		if (id == null) {
			problems.add(new Problem("target",
					"There is no public story at /news/" + wanted + ". Choose a story readers can see now."));
			return null;
		}
		if (id == articleId) {
			problems.add(new Problem("target", "A story cannot be consolidated into itself. Choose another story."));
			return null;
		}
		return id;
	}

	/** One plain paragraph: trimmed, line breaks as spaces; null when blank. */
	private static String text(String value, String field, String label, boolean required, List<Problem> problems) {
		String text = (value != null) ? value.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ") : "";
		if (text.isEmpty()) {
			if (required) {
				problems.add(new Problem(field, label + " is required: readers see it with the story."));
			}
			return null;
		}
		if (text.length() > TEXT_MAX) {
			problems.add(new Problem(field, label + " is longer than " + TEXT_MAX + " characters."));
		}
		if (CONTROL.matcher(text).find()) {
			problems.add(new Problem(field, label + " contains control characters; type it as plain text."));
		}
		return text;
	}

}
