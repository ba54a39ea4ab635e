package org.gazette.publishing;

import org.gazette.platform.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.Content;
import org.gazette.content.Revision;
import org.gazette.content.UnknownContentException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preview links: a secret, expiring address at which a reviewer outside the back office
 * reads one revision of a story that readers cannot see, until it expires or is revoked.
 * The link shows the revision that was the story's working revision when it was made; a
 * later save needs a new link. Only a hash of the token is stored. Making and revoking a
 * link are written to the audit log in the same transaction. Who may do either is the
 * back office's rule, not this class's.
 */
@Service
public class PreviewLinks {

	/** What the back office offers, shortest first. */
	public static final List<Duration> LIFETIMES = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
			Duration.ofDays(14), Duration.ofDays(30));

	public static final Duration DEFAULT_LIFETIME = Duration.ofDays(3);

	/**
	 * A draft under review should not stay readable by whoever holds the address forever.
	 */
	public static final Duration MAX_LIFETIME = Duration.ofDays(30);

	private final PreviewLinkRepository links;

	private final NewsroomRepository newsroom;

	private final Content content;

	private final AuditLog audit;

	private final Clock clock;

	PreviewLinks(PreviewLinkRepository links, NewsroomRepository newsroom, Content content, AuditLog audit,
			Clock clock) {
		this.links = links;
		this.newsroom = newsroom;
		this.content = content;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Makes a link to the story's working revision.
	 * @param by who makes it
	 * @param lifetime how long it works, up to {@link #MAX_LIFETIME}
	 * @param clientAddress where the request came from, for the audit log; may be null
	 * @return the link and its token, which is never shown again
	 * @throws UnknownContentException when there is no such story
	 * @throws IllegalArgumentException when the lifetime is not positive or too long
	 */
	@Transactional
	public NewPreviewLink create(long articleId, String by, Duration lifetime, String clientAddress) {
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
			throw new IllegalArgumentException("A preview link works for up to " + MAX_LIFETIME.toDays() + " days.");
		}
		Revision working = this.content.workingRevision(articleId)
			.orElseThrow(() -> new UnknownContentException("There is no story " + articleId + "."));
		Instant now = this.clock.instant();
		String token = SecretTokens.newToken();
		long id = this.links.insert(articleId, working.id(), SecretTokens.sha256(token), by, now, now.plus(lifetime));
		PreviewLink link = this.links.find(id).orElseThrow();
		this.audit.record(
				AuditRecord
					.of(by, "preview-link.created", "story", articleId,
							"Preview link " + id + " to revision " + working.number() + ", until " + link.expiresAt()
									+ ".")
					.from(clientAddress));
		return new NewPreviewLink(link, token);
	}

	/**
	 * What the token opens as of now. Text that is not shaped like a token is not looked
	 * up. Tokens are 256 random bits, so guessing one is hopeless at any rate of requests
	 * and no throttle is needed. The lookup is by the token's SHA-256 hash: how long it
	 * takes can tell a guesser at most something about the hash, which says nothing about
	 * any token; the hashes are then compared in constant time all the same.
	 */
	@Transactional(readOnly = true)
	public PreviewOpening open(String token) {
		if (!SecretTokens.looksValid(token)) {
			return PreviewOpening.unknown();
		}
		String hash = SecretTokens.sha256(token);
		PreviewLinkRepository.Found found = this.links.findByHash(hash)
			.filter((candidate) -> SecretTokens.sameHash(candidate.tokenSha256(), hash))
			.orElse(null);
		if (found == null) {
			return PreviewOpening.unknown();
		}
		PreviewLink link = found.link();
		return switch (link.state(this.clock.instant())) {
			case REVOKED -> PreviewOpening.closed(PreviewOpening.Outcome.REVOKED, link);
			case EXPIRED -> PreviewOpening.closed(PreviewOpening.Outcome.EXPIRED, link);
			case ACTIVE ->
				story(link).map((story) -> PreviewOpening.open(link, story)).orElseGet(PreviewOpening::unknown);
		};
	}

	/**
	 * Revokes the link: from now on it opens nothing. Revoking a link already revoked
	 * changes nothing and records nothing.
	 * @param by who revokes it
	 * @param clientAddress where the request came from, for the audit log; may be null
	 * @return the link as it now stands
	 * @throws UnknownContentException when there is no such link
	 */
	@Transactional
	public PreviewLink revoke(long linkId, String by, String clientAddress) {
		PreviewLink link = link(linkId).orElseThrow(() -> unknownLink(linkId));
		if (this.links.revoke(linkId, by, this.clock.instant())) {
			this.audit.record(
					AuditRecord
						.of(by, "preview-link.revoked", "story", link.articleId(),
								"Revoked preview link " + linkId + " to revision " + link.revisionNumber()
										+ ", made by " + link.createdBy() + ".")
						.from(clientAddress));
		}
		return link(linkId).orElseThrow(() -> unknownLink(linkId));
	}

	/** A story's links, newest first, including those that no longer work. */
	@Transactional(readOnly = true)
	public List<PreviewLink> list(long articleId) {
		return this.links.findByArticle(articleId);
	}

	public Optional<PreviewLink> link(long linkId) {
		return this.links.find(linkId);
	}

	private Optional<PreviewedStory> story(PreviewLink link) {
		return this.content.revision(link.revisionId()).map((revision) -> {
			Instant releaseAt = this.content.editable(link.articleId()).map((a) -> a.releaseAt()).orElse(null);
			List<Long> ids = List.of(revision.id());
			return new PreviewedStory(link.articleId(), revision.number(), revision.createdAt(), revision.type(),
					revision.title(), revision.summary(), revision.dateline(), revision.bodyHtml(), releaseAt,
					this.newsroom.bylines(ids).getOrDefault(revision.id(), List.of()),
					this.newsroom.topics(ids).getOrDefault(revision.id(), List.of()), revision.heroMediaId(),
					revision.documentIds());
		});
	}

	private static UnknownContentException unknownLink(long linkId) {
		return new UnknownContentException("There is no preview link " + linkId + ".");
	}

}
