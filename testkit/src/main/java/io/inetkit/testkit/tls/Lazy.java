package io.inetkit.testkit.tls;

import java.util.function.Supplier;

/** A value made by {@code maker} on the first {@link #get()}, once, then returned every time. */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> maker;
  private volatile T value;

  Lazy(Supplier<T> maker) {
    this.maker = maker;
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        if (value == null) {
          value = maker.get();
        }
        made = value;
      }
    }
    return made;
  }
}
