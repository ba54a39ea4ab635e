package org.gazette.admin;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals in the back office: a 403 as usual, except for a story posted by someone whose
 * session has ended (its form token is gone with the session). They are sent back to the
 * story's editor, which asks them to sign in first and then offers the text their browser
 * kept, so the save can complete.
 */
class EditorSessionEnded implements AccessDeniedHandler {

	private static final Pattern STORY_POST = Pattern.compile("^/admin/articles(?:/(\\d{1,18})(?:/[a-z]+)?)?$");

	private final AccessDeniedHandler refuse;

	EditorSessionEnded(AccessDeniedHandler otherwise) {
		this.refuse = otherwise;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Matcher story = STORY_POST.matcher(request.getRequestURI());
		if (denied instanceof CsrfException && !signedIn() && "POST".equals(request.getMethod()) && story.matches()) {
			String editor = (story.group(1) != null) ? "/admin/articles/" + story.group(1) + "/edit"
					: "/admin/articles/new";
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", editor);
			return;
		}
		this.refuse.handle(request, response, denied);
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
