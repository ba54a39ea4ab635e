package org.gazette.site;

import java.util.List;

/**
 * The subscribe and preferences forms as posted.
 *
 * @param email the address (subscribe form only)
 * @param scope {@code all} for every story, {@code some} for the ticked topics and types
 * @param topics ticked topic ids
 * @param types ticked story type codes
 * @param frequency {@code immediate} for each story at its release, {@code daily} for the
 * daily digest
 */
record SubscribeForm(String email, String scope, List<String> topics, List<String> types, String frequency) {

	List<String> topicsOrEmpty() {
		return (this.topics != null) ? this.topics : List.of();
	}

	List<String> typesOrEmpty() {
		return (this.types != null) ? this.types : List.of();
	}

}
