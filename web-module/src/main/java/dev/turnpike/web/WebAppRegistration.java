package dev.turnpike.web;

import dev.turnpike.cdi.PluginTables;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers this web-app's servlet context with the {@link PluginTables} while it runs, so the
 * plugin table can read the server's web-apps and their servlet mappings through it.
 */
@WebListener
public class WebAppRegistration implements ServletContextListener {

    @Inject
    PluginTables tables;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        tables.webAppStarted(event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        tables.webAppStopped(event.getServletContext());
    }
}
