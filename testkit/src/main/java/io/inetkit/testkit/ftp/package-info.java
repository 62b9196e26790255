/**
 * An embedded FTP server on loopback ({@link io.inetkit.testkit.ftp.FtpServer}, on Apache
 * FtpServer): plain FTP with explicit FTPS (AUTH TLS), an implicit-FTPS listener, passive data
 * ports on 127.0.0.1, and users with home folders in a temp directory.
 */
package io.inetkit.testkit.ftp;
