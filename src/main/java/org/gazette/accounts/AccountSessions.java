package org.gazette.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends back-office sessions, which live in the database, so that every node forgets them
 * at once.
 */
@Component
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends the account's sessions except the one given (null ends them all).
	 * @return how many were ended
	 */
	public int endAll(String email, String keepSessionId) {
		var found = this.sessions.findByPrincipalName(email);
		int ended = 0;
		for (String id : found.keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	public int count(String email) {
		return this.sessions.findByPrincipalName(email).size();
	}

}
