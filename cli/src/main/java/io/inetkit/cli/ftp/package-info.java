/**
 * {@code inetkit ftp}: list, download, upload, delete, create and rename over FTP and FTPS, through
 * {@link io.inetkit.transfer.ftp.FtpClient}.
 */
package io.inetkit.cli.ftp;
