package org.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gazette.publishing.ArticleStanding;
import org.gazette.publishing.EditorialState;
import org.gazette.publishing.ReleaseTaskStatus;
import org.gazette.publishing.ReleaseWork;
import org.gazette.platform.SiteDates;

import org.springframework.stereotype.Component;

/**
 * Where a story stands, in the plain words the editor page and the dashboard use:
 * "Scheduled for December 2, 2026 at 9:30 AM EST (in 3 hours)".
 */
@Component
class StandingWords {

	private final SiteDates dates;

	private final Clock clock;

	private final ReleaseWork releaseWork;

	StandingWords(SiteDates dates, Clock clock, ReleaseWork releaseWork) {
		this.dates = dates;
		this.clock = clock;
		this.releaseWork = releaseWork;
	}

	/** One sentence: the state readers and editors care about first. */
	String status(ArticleStanding story) {
		Instant now = this.clock.instant();
		if (story.isScheduled(now)) {
			return "Scheduled for " + when(story.releaseAt()) + " (" + relative(story.releaseAt(), now) + ").";
		}
		if (story.isPublic(now)) {
			return "Live since " + this.dates.dateTimeToTheSecond(story.releaseAt())
					+ ": on the site, in search, feeds, the sitemap and the API.";
		}
		return switch (story.state()) {
			case DRAFT -> "Draft: readers cannot see it.";
			case IN_REVIEW -> "In review: waiting for an editor to approve it or send it back.";
			case APPROVED -> "Approved: waiting for a publisher to publish or schedule it.";
			case PUBLISHED -> "Published.";
			case UNPUBLISHED ->
				"Taken down" + ((story.unpublishedAt() != null) ? " on " + when(story.unpublishedAt()) : "")
						+ ": readers cannot see it.";
			case ARCHIVED -> "Archived: kept as it is, and no longer edited.";
		};
	}

	/** Further facts worth a line each. */
	List<String> details(ArticleStanding story) {
		Instant now = this.clock.instant();
		List<String> details = new ArrayList<>();
		if (story.hasPendingDraft() && story.state() != EditorialState.UNPUBLISHED) {
			details.add("Revision " + story.workingRevisionNumber() + " is " + switch (story.state()) {
				case IN_REVIEW -> "in review";
				case APPROVED -> "approved";
				case ARCHIVED -> "archived";
				default -> "a draft";
			} + "; readers keep getting the published revision until it is published.");
		}
		if (story.state() == EditorialState.ARCHIVED && story.isPublic(now)) {
			details.add("Archived stories stay on the site.");
		}
		details.addAll(releaseWork(story));
		return details;
	}

	/** What was due at the latest release, and whether it is done: one line each. */
	private List<String> releaseWork(ArticleStanding story) {
		if (story.publishedRevisionId() == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (ReleaseTaskStatus task : this.releaseWork.latestStatus(story.articleId())) {
			lines.add(task.description() + ": " + switch (task.state()) {
				case PENDING -> (task.dueAt().isAfter(this.clock.instant()) ? "waits for the release"
						: "due since " + when(task.dueAt()) + ((task.attempts() > 0) ? ", to be tried again" : ""));
				case RUNNING -> "running";
				case DONE -> "done" + ((task.finishedAt() != null) ? " at " + when(task.finishedAt()) : "");
				case SKIPPED -> "not needed" + ((task.lastError() != null) ? " (" + task.lastError() + ")" : "");
				case FAILED -> "failed after " + task.attempts() + " attempts";
			} + ".");
		}
		return lines;
	}

	/** "December 2, 2026 at 9:30 AM EST". */
	String when(Instant instant) {
		return this.dates.dateTime(instant);
	}

	/** "in 3 hours", "in 12 minutes", "in 2 days", "in under a minute". */
	static String relative(Instant to, Instant now) {
		Duration left = Duration.between(now, to);
		if (left.isNegative() || left.isZero()) {
			return "now";
		}
		if (left.compareTo(Duration.ofMinutes(1)) < 0) {
			return "in under a minute";
		}
		if (left.compareTo(Duration.ofHours(1)) < 0) {
			return "in " + count(left.toMinutes(), "minute");
		}
		if (left.compareTo(Duration.ofDays(2)) < 0) {
			return "in " + count(Math.round(left.toMinutes() / 60.0), "hour");
		}
		return "in " + count(Math.round(left.toHours() / 24.0), "day");
	}

	private static String count(long n, String unit) {
		return n + " " + unit + ((n == 1) ? "" : "s");
	}

}
