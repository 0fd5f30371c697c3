"""Load benchmark through the production stack: requests per second, p50 and p99 of each
page against a static file served by the same nginx, and what the first visit transfers.

    .venv/bin/python bench/load.py [--seconds 10] [--connections 16] [--rounds 2]

It starts the stack of the production smoke tests (tests/production/stack.py): nginx with
deploy/nginx.conf (TLS, compression) in front of two gunicorn servers of two sync workers
each (deploy/gunicorn.conf.py), production settings, PostgreSQL on 127.0.0.1:5432 (a
throwaway database) and a Redis of its own; the demo data scaled up to 1 000 services,
1 000 articles in three languages and 5 000 published questions. Then each target runs for
a fixed time with wrk (Debian's package) at the same number of connections, the whole list
interleaved `--rounds` times, so that the machine's noise falls on every target alike.
Prints figures; asserts nothing. Needs wrk, nginx (+ brotli modules), redis-server, openssl.

Targets (docs/decisions/0011-page-cache.md): kept pages >= 50 % of the static file's rate,
an uncached postcode search >= 15 %, p99 < 100 ms everywhere; home < 15 kB and the services
page < 100 kB transferred before the outline data, the first view's outlines < 150 kB.
"""

import argparse
import csv
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.production.stack import Stack, find_link, missing_parts, parse_page  # noqa: E402

BROWSER_ENCODING = "gzip, deflate, br"
SITE_SEARCHES = ["vold", "krisesenter hjelp", "voldtekt anmelde", "besøksforbud", "barnevern"]

# wrk's Lua: cycle through the paths, each thread from its own offset. With `unique`, every
# request adds a page number that the search ignores, so that no address repeats: every
# request is a miss of the page cache (and is kept, as a real miss is).
WRK_SCRIPT = """
local paths = {%(paths)s}
local unique = %(unique)s
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local counter = 0
function request()
  counter = counter + 1
  local path = paths[(counter + id * 7919) %% #paths + 1]
  if unique then
    path = path .. "&page=" .. (counter * 16 + id + 2)
  end
  return wrk.format("GET", path, {["Accept-Encoding"] = "%(encoding)s"})
end
"""


def lua_string(path):
    """A path as a Lua string: percent-encoded as a browser sends it, so ASCII only."""
    return '"' + quote(path, safe="/?=&%") + '"'


def postcodes(count, rng):
    with (ROOT / "services" / "data" / "no_postcodes.csv").open(encoding="utf-8") as file:
        codes = sorted({row["postcode"] for row in csv.DictReader(file)})
    return rng.sample(codes, count)


def duration_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(base_url, paths, *, seconds, connections, unique, workdir):
    script = workdir / "paths.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "paths": ", ".join(lua_string(path) for path in paths),
            "unique": "true" if unique else "false",
            "encoding": BROWSER_ENCODING,
        }
    )
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "--script",
            str(script),
            base_url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    output = result.stdout
    if result.returncode != 0 or not re.search(r"^\s+99%", output, re.MULTILINE):
        raise RuntimeError(f"wrk gave no figures for {paths[0]}:\n{output}\n{result.stderr}")
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk's latencies not found for {paths[0]}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": duration_ms(latency["50"]),
        "p99": duration_ms(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def transferred(stack, page_path):
    """Bytes a first visit transfers, compressed as a browser asks (brotli): the page, its
    styles, scripts and icons, the map's markers when fetched apart, and the outline the
    first view draws (the county overview; the finer outlines come only on zooming in)."""

    def size(path):
        response = stack.fetch(path, headers={"Accept-Encoding": BROWSER_ENCODING})
        assert response.status == 200, path
        return len(response.body)

    html = stack.fetch(page_path).text  # uncompressed, to read
    sizes = {"page": size(page_path), "assets": 0, "markers": 0, "outlines": 0}
    for tag in re.findall(r"<(?:link|script|img)\b[^>]*>", html):
        found = re.search(r'(?:href|src)="(/[^"]+)"', tag)
        if found and "hreflang" not in tag:
            sizes["assets"] += size(unescape(found.group(1)))
    for attribute, kind in [("data-geojson-url", "markers"), ("data-outline-url", "outlines")]:
        found = re.search(rf'{attribute}="([^"]+)"', html)
        if found:
            sizes[kind] += size(unescape(found.group(1)))
    return sizes


LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices")


def lighthouse_scores(stack, path, workdir):
    """Lighthouse's mobile scores (its default: a mid-range phone on a slow 4G) for one
    page through the stack, with Debian's Chromium; the certificate is the stack's own."""
    report = workdir / "lighthouse.json"
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            stack.base_url + path,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
            "--ignore-certificate-errors --no-first-run",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode != 0:
        return {category: None for category in LIGHTHOUSE_CATEGORIES}
    categories = json.loads(report.read_text())["categories"]
    return {
        category: round(categories[category]["score"] * 100)
        for category in LIGHTHOUSE_CATEGORIES
        if categories.get(category, {}).get("score") is not None
    }


def machine():
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1) if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.1f} GiB"
    return f"{os.cpu_count()} cores ({model}){memory}, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument(
        "--only", default="", help="measure only the targets whose name holds this text"
    )
    args = parser.parse_args()
    missing = missing_parts() + ([] if shutil.which("wrk") else ["wrk (apt-get install wrk)"])
    if missing:
        sys.exit("bench/load.py needs " + "; ".join(missing))

    rng = random.Random(2026)
    stack = Stack(database="dinutvei_load", fault_proxy=False)
    workdir = Path(tempfile.mkdtemp(prefix="dinutvei-load-"))
    try:
        print("Starting the stack (migrate, demo data, collectstatic) …", flush=True)
        stack.start()
        scaled = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "scale_data.py"),
                f"--services={args.services}",
                f"--articles={args.articles}",
                f"--questions={args.questions}",
            ],
            cwd=ROOT,
            env=stack.env(direct=True),
            capture_output=True,
            text=True,
            timeout=900,
        )
        if scaled.returncode != 0:
            sys.exit(f"scaling the data failed:\n{scaled.stdout}\n{scaled.stderr[-4000:]}")
        print("Data:", scaled.stdout.strip())

        home = stack.fetch("/").text
        static = next(r for r in parse_page(home).resources if r.endswith(".css"))
        article = find_link(
            stack.fetch("/artikler/").text, r"^/artikler/(?!aktuelt/|for/|tema/)[\w-]+/$"
        )
        service = find_link(
            stack.fetch("/tjenester/?q=0150").text,
            r"^/tjenester/(?!kart\.geojson|kategori/)[\w-]+/$",
        )
        cold_codes = postcodes(500, rng)
        warm_codes = cold_codes[:10]
        targets = [
            ("static file (ceiling)", [static], False),
            ("home", ["/"], False),
            ("article", [article], False),
            ("service detail", [service], False),
            ("postcode search, 500 (cold)", [f"/tjenester/?q={c}" for c in cold_codes], True),
            ("postcode search, 10 (warm)", [f"/tjenester/?q={c}" for c in warm_codes], False),
            ("site search (not kept)", [f"/sok/?q={q}" for q in SITE_SEARCHES], False),
            (
                "search GeoJSON, 500 (cold)",
                [f"/tjenester/kart.geojson?q={c}" for c in cold_codes],
                True,
            ),
        ]
        if args.only:
            targets = [targets[0]] + [t for t in targets[1:] if args.only in t[0]]
        for paths in (t[1] for t in targets):  # every address answers, before measuring
            response = stack.fetch(paths[0])
            assert response.status == 200, (paths[0], response.status)

        results = {name: [] for name, _paths, _unique in targets}
        for round_number in range(args.rounds):
            print(f"Round {round_number + 1} of {args.rounds} …", flush=True)
            for name, paths, unique in targets:
                results[name].append(
                    run_wrk(
                        stack.base_url,
                        paths,
                        seconds=args.seconds,
                        connections=args.connections,
                        unique=unique,
                        workdir=workdir,
                    )
                )

        ceiling = results[targets[0][0]]
        print()
        print(f"Machine: {machine()}")
        print(
            f"wrk: {args.connections} connections, 2 threads, {args.seconds} s per target, "
            f"{args.rounds} rounds interleaved; Accept-Encoding: {BROWSER_ENCODING}; "
            "through nginx (TLS) to 2 gunicorn x 2 sync workers"
        )
        print()
        header = (
            f"{'target':<30}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of static':>11}{'errors':>8}"
        )
        print(header)
        print("-" * len(header))
        for name, runs in results.items():
            rate = statistics.mean(run["rate"] for run in runs)
            share = statistics.mean(
                run["rate"] / top["rate"] for run, top in zip(runs, ceiling, strict=True)
            )
            p50 = statistics.mean(run["p50"] for run in runs)
            p99 = max(run["p99"] for run in runs)
            errors = sum(run["errors"] for run in runs)
            print(f"{name:<30}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{share:>10.0%}{errors:>8}")
            for run in runs:
                if run["socket_errors"]:
                    print(f"  socket errors: {run['socket_errors']}")

        print()
        print("Transferred on a first visit (kB, compressed as a browser asks):")
        print(f"{'page':<26}{'page':>7}{'assets':>8}{'markers':>9}{'total':>8}{'+outlines':>11}")
        for label, path in [
            ("home", "/"),
            ("services, every service", "/tjenester/"),
            ("services, a postcode", "/tjenester/?q=0150"),
        ]:
            sizes = transferred(stack, path)
            total = sizes["page"] + sizes["assets"] + sizes["markers"]
            print(
                f"{label:<26}{sizes['page'] / 1024:>7.1f}{sizes['assets'] / 1024:>8.1f}"
                f"{sizes['markers'] / 1024:>9.1f}{total / 1024:>8.1f}"
                f"{(total + sizes['outlines']) / 1024:>11.1f}"
            )

        print()
        if not LIGHTHOUSE.exists():
            print("Lighthouse: not installed (npm install --prefix bench), skipped.")
            return
        print("Lighthouse, mobile (performance, accessibility, best practices):")
        pages = [
            ("home", "/"),
            ("services results", "/tjenester/?q=0150"),
            ("service detail", service),
            ("article", article),
            ("ask", "/sporsmal/still-et-sporsmal/"),
        ]
        for label, path in pages:
            scores = lighthouse_scores(stack, path, workdir)
            figures = "  ".join(
                f"{category} {scores.get(category, '–')}" for category in LIGHTHOUSE_CATEGORIES
            )
            print(f"  {label:<18}{figures}")
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
