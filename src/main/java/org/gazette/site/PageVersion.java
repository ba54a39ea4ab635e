package org.gazette.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A listing page's version: a digest of what it shows besides the stories' own content
 * (what the listing says of its subject, how many stories it has, which stories are on
 * the page and in what order). Two renderings of a page with the same version and the
 * same stories unchanged have the same bytes, so an incremental export can keep the page
 * without rendering it.
 */
final class PageVersion {

	private PageVersion() {
	}

	static String of(String facts, long total, List<Long> stories) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			StringBuilder text = new StringBuilder(facts.length() + 16 * stories.size() + 32);
			text.append(facts).append('\n').append(total).append('\n');
			stories.forEach((id) -> text.append(id).append(','));
			byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
