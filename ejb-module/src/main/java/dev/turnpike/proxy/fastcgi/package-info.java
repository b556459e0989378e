/**
 * FastCGI 1.0, the protocol between a web server and an application process such as php-cgi or
 * php-fpm: the record codec and the web tier's client for one backend address, the connector
 * behind Resin's {@code resin:FastCgiProxy}.
 *
 * <p>Three layers, each usable alone:
 * <ul>
 *   <li>records: {@link dev.turnpike.proxy.fastcgi.FastCgiRecord} (types, the
 *       {@code BEGIN_REQUEST} and {@code END_REQUEST} bodies),
 *       {@link dev.turnpike.proxy.fastcgi.FastCgiRecordWriter},
 *       {@link dev.turnpike.proxy.fastcgi.FastCgiRecordReader}, which checks every header before
 *       it waits for content, and {@link dev.turnpike.proxy.fastcgi.FastCgiNameValues} for
 *       {@code PARAMS};</li>
 *   <li>CGI: {@link dev.turnpike.proxy.fastcgi.CgiParams}, the CGI/1.1 variables of a
 *       {@link dev.turnpike.backend.BackendRequest} (with the httpoxy and underscore defences),
 *       {@link dev.turnpike.proxy.fastcgi.CgiScript}, the script and path info, and the CGI header
 *       block of the response, read into a {@link dev.turnpike.backend.ResponseSink};</li>
 *   <li>connections: {@link dev.turnpike.proxy.fastcgi.FastCgiConnection} (one request at a time,
 *       request and response streamed), {@link dev.turnpike.backend.ConnectionPool}
 *       ({@code FCGI_KEEP_CONN} reuse and idle expiry as Resin does them) and
 *       {@link dev.turnpike.proxy.fastcgi.FastCgiClient}, which ties them together and spools bodies
 *       of unknown length; failures come as
 *       {@link dev.turnpike.proxy.fastcgi.FastCgiExchangeException} with the stage the exchange
 *       reached.</li>
 * </ul>
 * Mapping a URL to a script, choosing a backend and retrying elsewhere belong to the caller.
 */
package dev.turnpike.proxy.fastcgi;
