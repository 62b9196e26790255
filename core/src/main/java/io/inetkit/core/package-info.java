/**
 * Types every inetkit protocol module shares: the {@link io.inetkit.core.InetkitException} tree,
 * {@link io.inetkit.core.Endpoint}, {@link io.inetkit.core.TlsMode} and {@link
 * io.inetkit.core.Trust}, {@link io.inetkit.core.Timeouts}, {@link io.inetkit.core.Credentials} and
 * {@link io.inetkit.core.Netrc}, URLs ({@link io.inetkit.core.InetkitUrl} with the views {@link
 * io.inetkit.core.ImapUrl}, {@link io.inetkit.core.Pop3Url}, {@link io.inetkit.core.FtpUrl} and
 * {@link io.inetkit.core.GopherUrl}), progress and event listeners. Every value that reaches the
 * wire is checked for CR, LF and NUL first ({@link io.inetkit.core.InvalidInputException}).
 *
 * <pre>{@code
 * FtpUrl url = FtpUrl.parse("ftps://ftp.example.org/pub/README");
 * Netrc netrc = Netrc.load(Netrc.defaultFile());
 * Credentials login = url.url().credentials()
 *     .or(() -> netrc.credentials(url.url().host()))
 *     .orElseThrow();
 * Timeouts timeouts = Timeouts.DEFAULT.withRead(Duration.ofSeconds(20));
 * Trust trust = Trust.system();
 * }</pre>
 *
 * <p>Packages named {@code io.inetkit.*.internal} are implementation details shared between inetkit
 * modules; they are not API and may change in any release.
 */
package io.inetkit.core;
