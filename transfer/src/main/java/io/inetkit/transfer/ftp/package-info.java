/**
 * FTP and FTPS client: {@link io.inetkit.transfer.ftp.FtpClient} (immutable configuration) opens
 * {@link io.inetkit.transfer.ftp.FtpSession}s that list, get, put, resume, mirror and manage files
 * with safe defaults: passive, binary, verified TLS with session reuse on data connections, finite
 * timeouts, bounded replies and listings.
 *
 * <pre>{@code
 * FtpClient client = FtpClient.builder().endpoint("ftp.example.org", 21)
 *     .tlsMode(TlsMode.STARTTLS_REQUIRED).credentials(Credentials.fromEnvironment("me", "FTP_PW")).build();
 * try (FtpSession ftp = client.open()) {
 *   ftp.get("/pub/file.iso", Path.of("file.iso"), GetOptions.DEFAULT.withResume(true));
 * }
 * }</pre>
 */
package io.inetkit.transfer.ftp;
