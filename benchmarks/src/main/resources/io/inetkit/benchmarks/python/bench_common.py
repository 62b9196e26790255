"""Shared by the benchmark scripts: one result line the harness parses."""
import time


def now():
    return time.perf_counter()


def peak_rss_kb():
    """VmHWM of this process, read just before exit.

    Not resource.getrusage(): its ru_maxrss survives execve, so a child spawned by a JVM
    reports the JVM's resident set.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def report(started, units):
    elapsed = time.perf_counter() - started
    print(f"elapsed={elapsed:.6f} units={units} maxrss_kb={peak_rss_kb()}", flush=True)
