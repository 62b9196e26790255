/**
 * Types every inetkit protocol module shares: the {@link io.inetkit.core.InetkitException}
 * tree, {@link io.inetkit.core.Endpoint}, {@link io.inetkit.core.TlsMode} and {@link
 * io.inetkit.core.Trust}, {@link io.inetkit.core.Timeouts}, {@link io.inetkit.core.Credentials},
 * URLs, progress and event listeners, and input validation ({@link io.inetkit.core.Inputs}).
 *
 * <p>Packages named {@code io.inetkit.*.internal} are implementation details shared between
 * inetkit modules; they are not API and may change in any release.
 */
package io.inetkit.core;
