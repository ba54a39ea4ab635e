package org.gazette.admin;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gazette.accounts.SignInStage;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Moves a person through the steps of signing in (password, then a second factor or
 * setting one up) and of confirming it is them before a sensitive change, and sends them
 * on to where they were going.
 */
final class SignInSteps {

	static final String SECOND_FACTOR = "/admin/second-factor";

	static final String ENROL = "/admin/enrol";

	static final String CONFIRM = "/admin/account/confirm";

	/** Where to go back to once a re-authentication is done. */
	private static final String RETURN_TO = SignInSteps.class.getName() + ".returnTo";

	/** The pages a re-authentication may return to. */
	private static final Set<String> RETURN_PAGES = Set.of("/admin/account", "/admin/account/factors",
			"/admin/account/factors/new");

	private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

	private static final RequestCache REQUESTS = new HttpSessionRequestCache();

	private SignInSteps() {
	}

	/** The step page this person must finish first, or null when signed in. */
	static String pendingStep(Authentication authentication) {
		if (SignInStage.awaitsSecondFactor(authentication)) {
			return SECOND_FACTOR;
		}
		if (SignInStage.awaitsEnrolment(authentication)) {
			return ENROL;
		}
		return null;
	}

	/**
	 * Replaces who is signed in for this session; the session gets a new id when the
	 * sign-in becomes complete, as it did at the password.
	 */
	static void signIn(HttpServletRequest request, HttpServletResponse response, Authentication before,
			Authentication after) {
		if (!SignInStage.isComplete(before) && SignInStage.isComplete(after)) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(after);
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

	static void returnAfterConfirming(HttpServletRequest request, String page) {
		request.getSession().setAttribute(RETURN_TO, RETURN_PAGES.contains(page) ? page : "/admin/account");
	}

	/**
	 * Where to go after a step: back to the change that needed a re-authentication, to
	 * the page asked for before signing in, or to the dashboard.
	 */
	static String next(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(RETURN_TO) instanceof String page) {
			session.removeAttribute(RETURN_TO);
			return page;
		}
		SavedRequest saved = REQUESTS.getRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : "/admin";
	}

	/** After the password: the next step, or the page asked for. */
	static AuthenticationSuccessHandler afterPassword() {
		SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
		signedIn.setDefaultTargetUrl("/admin");
		return (request, response, authentication) -> {
			String step = pendingStep(authentication);
			if (step != null) {
				response.sendRedirect(step);
			}
			else {
				signedIn.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/**
	 * Someone between steps who opens any other page is sent back to their step: they can
	 * do nothing else until it is done.
	 */
	static AccessDeniedHandler sendToPendingStep() {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String step = pendingStep(authentication);
			if (denied instanceof CsrfException) {
				forbidden.handle(request, response, denied);
			}
			else if (step != null) {
				response.sendRedirect(step);
			}
			else if (SignInStage.isComplete(authentication) && (request.getRequestURI().startsWith(SECOND_FACTOR)
					|| request.getRequestURI().startsWith(ENROL))) {
				response.sendRedirect("/admin");
			}
			else {
				forbidden.handle(request, response, denied);
			}
		};
	}

	/** Spring Security's WebAuthn filter answers the page's script in JSON. */
	static AuthenticationSuccessHandler securityKeyAccepted() {
		return (request, response, authentication) -> json(response, 200,
				"{\"authenticated\":true,\"redirectUrl\":\"" + jsonText(next(request, response)) + "\"}");
	}

	static void json(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter().write(body);
	}

	private static String jsonText(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
