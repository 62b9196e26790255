package io.inetkit.transfer.ftp;

import java.util.List;

/**
 * What a mirror did.
 *
 * <pre>{@code
 * MirrorResult r = ftp.mirrorDown("/pub", Path.of("pub"), MirrorMode.ONLY_NEWER);
 * System.out.println(r.transferred().size() + " copied, " + r.skipped().size() + " up to date");
 * }</pre>
 *
 * @param transferred relative paths (with {@code /}) of the files copied
 * @param skipped relative paths of files left alone because the target was up to date
 * @param bytes bytes copied in total
 */
public record MirrorResult(List<String> transferred, List<String> skipped, long bytes) {

  /**
   * Copies the lists.
   *
   * @param transferred relative paths (with {@code /}) of the files copied
   * @param skipped relative paths of files left alone because the target was up to date
   * @param bytes bytes copied in total
   */
  public MirrorResult {
    transferred = List.copyOf(transferred);
    skipped = List.copyOf(skipped);
  }
}
