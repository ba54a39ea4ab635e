package org.gazette.site;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.publishing.PreviewLinks;
import org.gazette.publishing.PreviewOpening;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a preview link opens: one unpublished revision of a story, for a reviewer
 * outside the back office. It is rendered for each request and never cached (see
 * {@link PublicResponses#unlisted}). A token that names no link answers 404, like any
 * address with nothing at it; a link that has expired or was revoked answers 410 Gone,
 * which says it is gone for good and lets the page say why. Only someone who holds a real
 * token can tell the two apart, and tokens are 256 random bits: guessing one is hopeless,
 * so there is nothing to throttle.
 */
@Controller
class PreviewLinkController {

	private final PreviewLinks links;

	private final StoryPreviews previews;

	private final PublicResponses responses;

	PreviewLinkController(PreviewLinks links, StoryPreviews previews, PublicResponses responses) {
		this.links = links;
		this.previews = previews;
		this.responses = responses;
	}

	@GetMapping("/preview/{token}")
	ResponseEntity<byte[]> preview(HttpServletRequest request, @PathVariable String token) {
		PreviewOpening opening = this.links.open(token);
		return switch (opening.outcome()) {
			case OPEN ->
				this.responses.unlisted(request, 200, StoryPreviews.TEMPLATE + ".jte", this.previews.page(opening));
			case EXPIRED, REVOKED ->
				this.responses.unlisted(request, 410, "site/error.jte", this.previews.unusable(opening));
			case UNKNOWN -> this.responses.unlisted(request, 404, "site/error.jte", this.previews.unusable(opening));
		};
	}

}
