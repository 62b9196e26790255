/**
 * JUnit glue for the real-server interop suite ({@code -Preal-servers}, as root): {@link
 * io.inetkit.it.realserver.RealMailCondition} skips a class with the reason when testkit's {@link
 * io.inetkit.testkit.mail.RealMail} (Dovecot and Postfix) cannot run here.
 */
package io.inetkit.it.realserver;
