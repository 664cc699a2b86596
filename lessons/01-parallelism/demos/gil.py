"""The article's claim, measured: CPU-bound Python in threads is no faster (the GIL);
in processes it is. Started by demos/04-gil.ts; prints one JSON line.

Usage: python3 gil.py N CHUNKS WORKERS REPS
Counts the primes below N by trial division — the same loop as lib/count-primes.ts.
"""
import json
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count_primes(bounds):
    start, end = bounds
    count = 0
    for n in range(max(start, 2), end):
        prime = True
        d = 2
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def nap(_):
    time.sleep(0.05)
    return os.getpid()


def main():
    n, chunks, workers, reps = (int(a) for a in sys.argv[1:5])
    ranges = [(n * i // chunks, n * (i + 1) // chunks) for i in range(chunks)]
    timings = {"serial": [], "threads": [], "processes": []}
    with ThreadPoolExecutor(workers) as threads, ProcessPoolExecutor(workers) as processes:
        # Start every worker before timing: the job is measured, not the start-up.
        list(threads.map(nap, range(workers)))
        list(processes.map(nap, range(workers)))
        expected = None
        for _ in range(reps):
            t = time.perf_counter()
            total = sum(map(count_primes, ranges))
            timings["serial"].append(time.perf_counter() - t)
            expected = expected or total
            for name, pool in (("threads", threads), ("processes", processes)):
                t = time.perf_counter()
                total = sum(pool.map(count_primes, ranges))
                timings[name].append(time.perf_counter() - t)
                assert total == expected, (name, total, expected)
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(json.dumps({
        "python": platform.python_version(),
        "gil": gil,
        "primes": expected,
        **{name: statistics.median(values) * 1000 for name, values in timings.items()},
    }))


if __name__ == "__main__":
    main()
