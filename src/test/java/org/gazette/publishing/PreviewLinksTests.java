package org.gazette.publishing;

import org.gazette.platform.SecretTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.audit.TestAudit;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.TestContent;
import org.gazette.content.Topic;
import org.gazette.content.UnknownContentException;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Preview links on H2 and PostgreSQL: what a token opens and for how long, revocation,
 * what is stored (never the token) and what the audit log records.
 */
class PreviewLinksTests {

	private final MutableClock clock = new MutableClock();

	private JdbcClient jdbc;

	private Content content;

	private Stories stories;

	private PreviewLinks links;

	private void open(Databases.Lazy db) {
		this.jdbc = db.get().jdbc();
		this.content = TestContent.content(this.jdbc, this.clock);
		TestPublishing publishing = new TestPublishing(this.jdbc, this.content, this.clock);
		this.stories = new Stories(this.content, publishing.publishing());
		this.links = new PreviewLinks(new PreviewLinkRepository(this.jdbc), new NewsroomRepository(this.jdbc),
				this.content, TestAudit.auditLog(this.jdbc, this.clock), this.clock);
	}

	@DatabaseTest
	void aLinkOpensTheRevisionItWasMadeForAsReadersWouldSeeIt(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Topic trade = this.stories.topic("Trade");
		long id = this.stories.story("Draft headline")
			.by(jane)
			.about(trade)
			.dateline("LAREDO, Texas")
			.body("First *draft*.")
			.draft();

		NewPreviewLink created = this.links.create(id, "writer@agency.gov", Duration.ofDays(3), "192.0.2.1");
		assertThat(created.token()).matches("[A-Za-z0-9_-]{43}");
		assertThat(created.toString()).doesNotContain(created.token());
		assertThat(created.link().revisionNumber()).isEqualTo(1);
		assertThat(created.link().expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofDays(3)));

		// Saved after the link was made: the link keeps showing what it was made for.
		this.stories.revise(id, "Changed headline", "Second draft.", "editor@agency.gov", null);
		PreviewOpening opening = this.links.open(created.token());
		assertThat(opening.outcome()).isEqualTo(PreviewOpening.Outcome.OPEN);
		PreviewedStory story = opening.story();
		assertThat(story.title()).isEqualTo("Draft headline");
		assertThat(story.revisionNumber()).isEqualTo(1);
		assertThat(story.bodyHtml()).contains("<em>draft</em>");
		assertThat(story.dateline()).isEqualTo("LAREDO, Texas");
		assertThat(story.bylines()).extracting(Byline::name).containsExactly("Jane Doe");
		assertThat(story.topics()).extracting(TopicLink::name).containsExactly("Trade");
		assertThat(story.releaseAt()).isNull();
		assertThat(story.savedAt()).isEqualTo(MutableClock.START);

		NewPreviewLink second = this.links.create(id, "editor@agency.gov", Duration.ofDays(1), null);
		assertThat(this.links.open(second.token()).story().title()).isEqualTo("Changed headline");
		assertThat(this.links.list(id)).extracting(PreviewLink::id, PreviewLink::revisionNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(second.link().id(), 2),
					org.assertj.core.groups.Tuple.tuple(created.link().id(), 1));

		// Only the token's hash is stored.
		List<String> stored = this.jdbc.sql("select token_sha256 from preview_link order by id")
			.query(String.class)
			.list();
		assertThat(stored).containsExactly(SecretTokens.sha256(created.token()), SecretTokens.sha256(second.token()));
		assertThat(String.join(" ", stored)).doesNotContain(created.token()).doesNotContain(second.token());
		assertThat(audit()).containsExactly("writer@agency.gov preview-link.created story " + id + " 192.0.2.1",
				"editor@agency.gov preview-link.created story " + id + " null");
	}

	@DatabaseTest
	void aLinkWorksUntilItsExpiryInstantAndNotAfter(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Expiring").draft();
		NewPreviewLink created = this.links.create(id, "writer@agency.gov", Duration.ofDays(1), null);
		Instant expiry = MutableClock.START.plus(Duration.ofDays(1));

		this.clock.set(expiry.minusMillis(1));
		assertThat(this.links.open(created.token()).outcome()).isEqualTo(PreviewOpening.Outcome.OPEN);
		assertThat(this.links.list(id).get(0).state(this.clock.instant())).isEqualTo(PreviewLink.State.ACTIVE);
		this.clock.set(expiry);
		PreviewOpening expired = this.links.open(created.token());
		assertThat(expired.outcome()).isEqualTo(PreviewOpening.Outcome.EXPIRED);
		assertThat(expired.story()).isNull();
		assertThat(expired.link().expiresAt()).isEqualTo(expiry);
		assertThat(this.links.list(id).get(0).state(this.clock.instant())).isEqualTo(PreviewLink.State.EXPIRED);
		// Moving the clock back (a node whose clock lags) opens it again: expiry is
		// judged at each read, never stored.
		this.clock.set(expiry.minusSeconds(60));
		assertThat(this.links.open(created.token()).outcome()).isEqualTo(PreviewOpening.Outcome.OPEN);
	}

	@DatabaseTest
	void aRevokedLinkOpensNothingAndIsRevokedOnce(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Revoked").draft();
		NewPreviewLink created = this.links.create(id, "writer@agency.gov", Duration.ofDays(7), null);
		NewPreviewLink other = this.links.create(id, "writer@agency.gov", Duration.ofDays(7), null);
		this.clock.advance(Duration.ofHours(2));

		PreviewLink revoked = this.links.revoke(created.link().id(), "chief@agency.gov", "192.0.2.9");
		assertThat(revoked.revokedBy()).isEqualTo("chief@agency.gov");
		assertThat(revoked.revokedAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(2)));
		assertThat(revoked.state(this.clock.instant())).isEqualTo(PreviewLink.State.REVOKED);
		PreviewOpening opening = this.links.open(created.token());
		assertThat(opening.outcome()).isEqualTo(PreviewOpening.Outcome.REVOKED);
		assertThat(opening.story()).isNull();
		// Revoking one link leaves the others working.
		assertThat(this.links.open(other.token()).outcome()).isEqualTo(PreviewOpening.Outcome.OPEN);

		// A second revocation changes nothing and records nothing.
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.links.revoke(created.link().id(), "someone@agency.gov", null).revokedBy())
			.isEqualTo("chief@agency.gov");
		assertThat(audit()).containsExactly("writer@agency.gov preview-link.created story " + id + " null",
				"writer@agency.gov preview-link.created story " + id + " null",
				"chief@agency.gov preview-link.revoked story " + id + " 192.0.2.9");
		// Still revoked after it would have expired anyway.
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.links.open(created.token()).outcome()).isEqualTo(PreviewOpening.Outcome.REVOKED);
		assertThatThrownBy(() -> this.links.revoke(999_999, "chief@agency.gov", null))
			.isInstanceOf(UnknownContentException.class);
	}

	@DatabaseTest
	void anythingButAKnownTokenOpensNothing(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Guarded").draft();
		String token = this.links.create(id, "writer@agency.gov", Duration.ofDays(1), null).token();
		char last = token.charAt(42);
		String tampered = token.substring(0, 42) + ((last == 'A') ? 'B' : 'A');
		for (String guess : new String[] { null, "", "abc", token + "A", token.substring(1), tampered,
				token.substring(0, 42) + "!", token.substring(0, 42) + "=", "A".repeat(43), "../" + token,
				token.toUpperCase(java.util.Locale.ROOT).equals(token) ? "x".repeat(43)
						: token.toUpperCase(java.util.Locale.ROOT),
				SecretTokens.sha256(token), "A".repeat(10_000) }) {
			PreviewOpening opening = this.links.open(guess);
			assertThat(opening.outcome()).as(String.valueOf(guess)).isEqualTo(PreviewOpening.Outcome.UNKNOWN);
			assertThat(opening.link()).isNull();
			assertThat(opening.story()).isNull();
		}
		assertThat(this.links.open(token).outcome()).isEqualTo(PreviewOpening.Outcome.OPEN);
	}

	@DatabaseTest
	void refusesLifetimesOutOfRangeAndUnknownStoriesWritingNothing(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Lifetimes").draft();
		for (Duration wrong : List.of(Duration.ZERO, Duration.ofDays(-1), Duration.ofDays(30).plusSeconds(1))) {
			assertThatThrownBy(() -> this.links.create(id, "writer@agency.gov", wrong, null)).as(wrong.toString())
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("30 days");
		}
		assertThatThrownBy(() -> this.links.create(987_654, "writer@agency.gov", Duration.ofDays(1), null))
			.isInstanceOf(UnknownContentException.class);
		assertThat(this.jdbc.sql("select count(*) from preview_link").query(Long.class).single()).isZero();
		assertThat(audit()).isEmpty();
		assertThat(this.links.create(id, "writer@agency.gov", PreviewLinks.MAX_LIFETIME, null).link().expiresAt())
			.isEqualTo(MutableClock.START.plus(Duration.ofDays(30)));
		assertThat(PreviewLinks.LIFETIMES).contains(PreviewLinks.DEFAULT_LIFETIME)
			.allSatisfy((lifetime) -> assertThat(lifetime).isLessThanOrEqualTo(PreviewLinks.MAX_LIFETIME));
	}

	@DatabaseTest
	void aScheduledStoryPreviewsWithItsReleaseDateAndAPublishedOneWithItsNewDraft(Databases.Lazy db) {
		open(db);
		Instant release = MutableClock.START.plus(Duration.ofDays(2));
		long scheduled = this.stories.story("Scheduled").releasedAt(release).publish();
		String token = this.links.create(scheduled, "writer@agency.gov", Duration.ofDays(1), null).token();
		assertThat(this.links.open(token).story().releaseAt()).isEqualTo(release);

		long published = this.stories.story("Public title").publish();
		this.stories.revise(published, "Corrected title");
		String draft = this.links.create(published, "writer@agency.gov", Duration.ofDays(1), null).token();
		assertThat(this.links.open(draft).story().title()).isEqualTo("Corrected title");
		assertThat(this.links.open(draft).story().revisionNumber()).isEqualTo(2);
	}

	private List<String> audit() {
		return this.jdbc
			.sql("select actor, action, target_type, target_id, client_address from audit_event order by id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
					+ " " + rs.getString(5))
			.list();
	}

}
