package org.edgeway.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Ends the administrator's session. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    /** Only POST ends a session: a link or image elsewhere cannot log an administrator out. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession s = request.getSession(false);
        if (s != null) {
            s.invalidate();
        }
        response.sendRedirect(request.getContextPath() + LoginFilter.LOGIN);
    }
}
