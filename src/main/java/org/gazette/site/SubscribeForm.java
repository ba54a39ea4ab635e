package org.gazette.site;

import java.util.List;

/**
 * The subscribe and preferences forms as posted.
 *
 * @param email the address (subscribe form only)
 * @param scope {@code all} for every story, {@code some} for the ticked topics and types
 * @param topics ticked topic ids
 * @param types ticked story type codes
 */
record SubscribeForm(String email, String scope, List<String> topics, List<String> types) {

	List<String> topicsOrEmpty() {
		return (this.topics != null) ? this.topics : List.of();
	}

	List<String> typesOrEmpty() {
		return (this.types != null) ? this.types : List.of();
	}

}
