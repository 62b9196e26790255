/** Implementation of the FTP client on Apache Commons Net. Not API: may change in any release. */
package io.inetkit.transfer.ftp.internal;
