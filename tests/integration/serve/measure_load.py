#!/usr/bin/env python3
"""How long `redraft serve` takes for fifty uploads of the 4,000-paragraph
pair at once, against one alone: the figure in the README ("redraft serve").
A measurement, not a test (the project asserts no time in tests); the test
`serve::load::fifty_uploads_at_once` checks that the fifty are all answered
rightly and that memory returns to its baseline.

Usage, from the project's root, on an idle machine:

    cargo build --release
    python3 tests/integration/serve/measure_load.py [--bin target/release/redraft] [--n 50]

It generates the pair with ../shared/bench/gen.py (large, French), starts
the server on a free port, posts the pair to /api/compare (what the page
does when two drafts are dropped) three times alone and then N times at
once, and prints the wall and processor times of the server.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "../../.."))


def pair(folder):
    gen = os.path.join(ROOT, "../shared/bench/gen.py")
    subprocess.run([sys.executable, gen, "--sizes", "large", "--langs", "fr", "--en-sizes", "",
                    "--out", folder], check=True, stdout=subprocess.DEVNULL)
    read = lambda name: open(os.path.join(folder, "large-fr", name), "rb").read()
    return read("old.txt"), read("new.txt")


def form(old, new):
    boundary = "redraft-measure-7d41"
    body = b""
    for field, data in (("old", old), ("new", new)):
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
                 f"filename=\"{field}.txt\"\r\nContent-Type: text/plain\r\n\r\n").encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def post(port, token, kind, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    c.request("POST", "/api/compare", body,
              {"Host": f"127.0.0.1:{port}", "X-Redraft-Token": token, "Content-Type": kind})
    r = c.getresponse()
    data = r.read()
    c.close()
    if r.status != 200:
        raise SystemExit(f"upload answered {r.status}: {data[:200]!r}")
    return len(data)


def cpu(pid):
    """The server's processor time so far (user + system), in seconds."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory(pid, field="VmRSS"):
    """The server's resident memory (or its peak, VmHWM), in MiB."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(ROOT, "target/release/redraft"))
    p.add_argument("--n", type=int, default=50)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old, new = pair(folder)
    kind, body = form(old, new)
    server = subprocess.Popen([a.bin, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
        port = int(url.split(":")[2].split("/")[0])
        token = url.rsplit("token=", 1)[1]
        post(port, token, kind, body)  # warm
        ones = []
        for _ in range(3):
            c0, t0 = cpu(server.pid), time.perf_counter()
            post(port, token, kind, body)
            ones.append((time.perf_counter() - t0, cpu(server.pid) - c0))
        one, one_cpu = sorted(ones)[1]
        time.sleep(2)
        baseline = memory(server.pid)
        c0, t0 = cpu(server.pid), time.perf_counter()
        threads = [threading.Thread(target=post, args=(port, token, kind, body)) for _ in range(a.n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        many, many_cpu = time.perf_counter() - t0, cpu(server.pid) - c0
        time.sleep(3)
        after, peak = memory(server.pid), memory(server.pid, "VmHWM")
    finally:
        server.kill()
        server.wait()
    cores = os.cpu_count()
    print(f"one upload: {one:.2f} s ({one_cpu:.2f} s of processor time)")
    print(f"{a.n} at once: {many:.2f} s ({many_cpu:.1f} s of processor time) = {many / one:.1f}x one; "
          f"the floor on {cores} cores is {a.n / cores:.0f}x one's processor time "
          f"({a.n * one_cpu / cores:.1f} s)")
    print(f"memory: {baseline:.0f} MiB before, {peak:.0f} MiB at the peak, {after:.0f} MiB 3 s after")


main()
