package io.inetkit.testkit;

import java.util.Objects;

/**
 * One listener of {@link InetkitServers}, ready to print or hand to a client: a name such as {@code
 * imaps}, its URL, a user and password that work on it, and a short note.
 *
 * <pre>{@code
 * for (ServiceInfo s : servers.services()) {
 *   System.out.printf("%-14s %-32s %s / %s  %s%n", s.name(), s.url(), s.user(), s.password(), s.note());
 * }
 * }</pre>
 *
 * @param name the listener's name: {@code smtp}, {@code smtps}, {@code smtp-starttls}, … (see
 *     {@link InetkitServers.Listener#id()})
 * @param url where it listens, e.g. {@code imaps://127.0.0.1:40993}
 * @param user a user that can log in ({@code alice} by default); empty for Gopher
 * @param password that user's throwaway test password; empty for Gopher
 * @param note how to talk to it, e.g. {@code STARTTLS required}
 */
public record ServiceInfo(String name, String url, String user, String password, String note) {
  /**
   * Validates that no component is null.
   *
   * @param name the listener's name; not null
   * @param url where it listens; not null
   * @param user a user that can log in; not null, empty for Gopher
   * @param password that user's password; not null, empty for Gopher
   * @param note how to talk to it; not null
   */
  public ServiceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(note, "note");
  }

  /** {@return the record without the password (test secrets stay out of logs too)} */
  @Override
  public String toString() {
    return "ServiceInfo[name=" + name + ", url=" + url + ", user=" + user + ", note=" + note + "]";
  }
}
