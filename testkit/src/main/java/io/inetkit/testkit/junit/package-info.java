/**
 * JUnit 5 support: {@link io.inetkit.testkit.junit.InetkitTest @InetkitTest} or a registered {@link
 * io.inetkit.testkit.junit.InetkitExtension} starts {@link io.inetkit.testkit.InetkitServers} once
 * per test class, resets them before each test and injects servers as parameters.
 */
package io.inetkit.testkit.junit;
