"""Scale benchmark: check, build, size and preview of handbooks of 100 to 5,000 playbooks.

For each size, in one run and on the same files:

* ``handbook check`` (in-process, as the command runs it) against a bare
  libyaml parse (``yaml.load(..., CSafeLoader)``) of the same YAML files;
* ``mkdocs build --strict`` of the handbook against the baseline: the same
  Markdown (dumped from a warm-up build, macros expanded) written as plain
  pages and built with plain MkDocs + Material: same theme, features,
  Markdown extensions, search and tags plugins, same nav (categories in the
  nav, playbook and path pages ``not_in_nav``), without the handbook, macros
  and redirects plugins;
* peak memory (max RSS of each build process), site size, size per page,
  ``search/search_index.json`` size and the ``/go/`` redirect pages the
  baseline does not have;
* at one size (default 1,000), the author preview: ``mkdocs serve --dirty``,
  one playbook edited, the served page polled over HTTP until it changes;
* at one size (default 1,000), the build with both editions (English and
  Turkish, as ``mkdocs.yml`` sets them) against the English edition alone:
  the second language must not double the build (``editions_over_one``).

The handbook side of the baseline comparison builds the English edition only
(``mkdocs-one.yml``: ``languages: [en]``), as the baseline has one language.

Builds alternate handbook / baseline and the best of ``--rounds`` is kept, so
ratios compare like with like on a shared, noisy machine. Prints a table and
writes JSON with ``--json``.

    .venv/bin/python benchmarks/scale.py [--sizes 100,1000,5000] [--quick]
        [--rounds 2] [--serve-size 1000] [--editions-size 1000]
        [--json benchmarks/results/scale.json]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import html
import io
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.synth import make_handbook  # noqa: E402
from playbook_handbook.cli import main as cli  # noqa: E402

TODAY = "2026-11-26"
TARGETS = {"check_over_bare": 1.5, "build_over_baseline": 1.10, "serve_s": 2.0,
           "peak_mb_5000": 2048, "editions_over_one": 2.0}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
           HANDBOOK_TODAY=TODAY)


# -- measuring -------------------------------------------------------------------


def best_of(rounds: int, *functions) -> list[float]:
    """Least CPU time (this process, user + system) of each function over ``rounds``.

    The functions take turns, so that a busy spell on the machine hits both alike.
    """
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for function, spent in zip(functions, times, strict=True):
            gc.collect()
            start = time.process_time()
            function()
            spent.append(time.process_time() - start)
    return [min(spent) for spent in times]


def timed_run(args: list[str], cwd: Path, log: Path, **env: str) -> tuple[float, float, float]:
    """Run a command; return wall seconds, CPU seconds and peak RSS (MB) of that process.

    CPU time (user + system) is what the ratios use: on a shared machine the
    wall time of a build also counts the time other processes held the cores.
    """
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env={**ENV, **env}, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed; see {log}:\n{log.read_text()[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def mkdocs(project: Path, site: Path, log: Path, config: str = "mkdocs.yml",
           **env: str) -> tuple[float, float, float]:
    return timed_run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                      str(project / config), "-d", str(site)], project, log, **env)


ONE_EDITION = "mkdocs-one.yml"


def one_edition(config: str) -> str:
    """``mkdocs.yml``'s text with the handbook plugin's ``languages`` set to English only."""
    config, found = re.subn(r"^(\s+languages:) \[.*\]$", r"\1 [en]", config, flags=re.M)
    assert found == 1, "no languages: [...] setting under the handbook plugin in mkdocs.yml"
    return config


def site_sizes(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("index.html") if not p.relative_to(site).parts[:1] == ("go",)]
    playbook_pages = [p for p in pages if p.relative_to(site).parts[:1] == ("playbooks",)
                      and len(p.relative_to(site).parts) == 4]
    sizes = [p.stat().st_size for p in pages]
    redirects = list((site / "go").rglob("*.html")) if (site / "go").is_dir() else []
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "site_mb": round(total / 1e6, 1),
        "pages": len(pages),
        "page_kb_mean": round(statistics.mean(sizes) / 1e3, 1),
        "page_kb_median": round(statistics.median(sizes) / 1e3, 1),
        "playbook_page_kb_median": round(
            statistics.median(p.stat().st_size for p in playbook_pages) / 1e3, 1),
        "largest_page_kb": round(max(sizes) / 1e3, 1),
        "largest_page": str(max(pages, key=lambda p: p.stat().st_size).relative_to(site)),
        "search_index_mb": round((site / "search" / "search_index.json").stat().st_size / 1e6,
                                 2),
        "redirect_pages": len(redirects),
        "redirect_mb": round(sum(p.stat().st_size for p in redirects) / 1e6, 2),
    }


def article_words(page: Path) -> list[str]:
    """The words a reader sees in a page's article (tags, list numbers and marks left out)."""
    text = page.read_text(encoding="utf-8")
    text = text[text.find("<article"):text.find("</article>")]
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return sorted(re.findall(r"[^\W\d_]+", text))


def same_content(site: Path, baseline: Path) -> tuple[int, int]:
    """How many playbook pages of ``site`` show the same words in ``baseline`` (of how many)."""
    pages = [p.relative_to(site) for p in (site / "playbooks").glob("*/*/index.html")]
    same = sum(article_words(site / p) == article_words(baseline / p) for p in pages)
    return same, len(pages)


# -- the baseline -------------------------------------------------------------------

BASELINE_PLUGINS = """plugins:
  - search:
      lang: [en, tr]
      fields:
        title: {boost: 3}
        text: {boost: 1}
        tags: {boost: 3}
  - tags

not_in_nav: |
  /playbooks/*/*.md
  /paths/*.md
  /cards/*.md
"""


def make_baseline(root: Path, dump: Path, baseline: Path) -> None:
    """Plain Markdown pages (the dumped text) with the handbook's mkdocs.yml minus our plugins."""
    # English pages only: the baseline has one edition (x.tr.md would be stray pages).
    shutil.copytree(root / "docs", baseline / "docs", ignore=shutil.ignore_patterns("*.*.md"))
    shutil.copytree(root / "overrides", baseline / "overrides")
    for page in dump.rglob("*.md"):
        uri = page.relative_to(dump)
        original = root / "docs" / uri
        if original.is_file() and "<!-- material/tags" in original.read_text(encoding="utf-8"):
            continue  # the tags plugin fills this page in; keep its marker for it
        target = baseline / "docs" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, target)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config, found = re.subn(r"^plugins:\n(?:  .*\n|\n)*?(?=^\S)", BASELINE_PLUGINS, config,
                            flags=re.M)
    assert found == 1, "no plugins: block in mkdocs.yml"
    (baseline / "mkdocs.yml").write_text(config, encoding="utf-8")


# -- the author preview ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def measure_serve(root: Path, edits: int, log: Path) -> dict[str, object]:
    """Start ``mkdocs serve --dirty``, edit a playbook, time until the served page shows it."""
    port = free_port()
    file = next((root / "playbooks" / "guides").glob("*-1.yml"))
    url = f"http://127.0.0.1:{port}/playbooks/guides/{file.stem}/"
    command = ["mkdocs", "serve", "--dirty", "--no-strict"]
    args = [sys.executable, "-m", *command, "-a", f"127.0.0.1:{port}",
            "-f", str(root / "mkdocs.yml")]
    result: dict[str, object] = {"command": " ".join(command), "playbook": file.name}
    with log.open("w") as out:
        start = time.perf_counter()
        server = subprocess.Popen(args, cwd=root, env=ENV, stdout=out, stderr=out)
        try:
            first = wait_for(url, "</html>", 1800)
            if first is None:
                raise SystemExit(f"mkdocs serve never served {url}; see {log}")
            result["first_build_s"] = round(time.perf_counter() - start, 2)
            times, cpu = [], []
            for n in range(edits):
                marker = f"Edited for the preview benchmark {n} {time.time_ns()}"
                text = file.read_text(encoding="utf-8")
                text = re.sub(r"^summary: .*?\n(?=\S)", f"summary: {marker}\n", text,
                              count=1, flags=re.M | re.S)
                time.sleep(1.0)  # let the server settle after the previous reload
                before = cpu_seconds(server.pid)
                file.write_text(text, encoding="utf-8")
                seen = wait_for(url, marker, 300)
                if seen is None:
                    raise SystemExit(f"the edit never showed up at {url}; see {log}")
                times.append(seen)
                cpu.append(cpu_seconds(server.pid) - before)
            result["edit_to_page_s"] = [round(t, 2) for t in times]
            result["edit_to_page_best_s"] = round(min(times), 2)
            result["edit_to_page_worst_s"] = round(max(times), 2)
            result["rebuild_cpu_s"] = [round(t, 2) for t in cpu]
        finally:
            server.terminate()
            server.wait(timeout=30)
    return result


# -- one size ---------------------------------------------------------------------------


def measure(size: int, rounds: int, work: Path, serve_edits: int,
            warmup: bool = True, editions: bool = False) -> dict[str, object]:
    root = work / f"handbook-{size}"
    files = make_handbook(root, size)
    yaml_bytes = sum(f.stat().st_size for f in files)
    row: dict[str, object] = {"playbooks": size, "yaml_files": len(files),
                              "yaml_mb": round(yaml_bytes / 1e6, 2)}
    print(f"[{size}] {len(files)} YAML files written", file=sys.stderr)

    def bare() -> None:
        for file in files:
            yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    def check() -> None:
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()) as err:
            code = cli.main(["check", "--root", str(root), "--today", TODAY])
        if code != 0 or "0 errors" not in err.getvalue():
            raise SystemExit(f"generated handbook fails handbook check: {err.getvalue()}")

    check_rounds = max(rounds, 3)
    bare_s, check_s = best_of(check_rounds, bare, check)
    row["bare_parse_s"], row["check_s"] = round(bare_s, 3), round(check_s, 3)
    row["check_over_bare"] = round(row["check_s"] / row["bare_parse_s"], 2)
    command_s, _, _ = timed_run([sys.executable, "-m", "playbook_handbook.cli.main", "check",
                                  "--root", str(root)],
                             REPO, work / f"check-{size}.log")
    row["check_command_s"] = round(command_s, 2)
    print(f"[{size}] check {row['check_s']} s, bare parse {row['bare_parse_s']} s",
          file=sys.stderr)

    # The Markdown for the baseline is dumped by a hook during the first handbook
    # build: a separate warm-up build (default), or with --no-warmup the first
    # timed build, whose time then includes writing the dump (against us).
    dump = work / f"markdown-{size}"
    config = root / ONE_EDITION
    config.write_text(one_edition((root / "mkdocs.yml").read_text(encoding="utf-8")),
                      encoding="utf-8")
    dump_config = root / "mkdocs-dump.yml"
    dump_config.write_text(config.read_text(encoding="utf-8") +
                           f"\nhooks:\n  - {REPO / 'benchmarks' / 'dump_hook.py'}\n",
                           encoding="utf-8")
    baseline = work / f"baseline-{size}"
    builds: dict[str, list[tuple[float, float, float]]] = {"handbook": [], "baseline": []}
    sides = [("handbook", root, ONE_EDITION), ("baseline", baseline, "mkdocs.yml")]
    if editions:  # both editions, from the repository's own mkdocs.yml
        builds["editions"] = []
        sides.append(("editions", root, "mkdocs.yml"))
    if warmup:
        warm, _, _ = timed_run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                                str(dump_config), "-d", str(work / f"site-warm-{size}")], root,
                               work / f"warm-{size}.log", HANDBOOK_BENCH_DUMP=str(dump))
        shutil.rmtree(work / f"site-warm-{size}")
        row["warmup_build_s"] = round(warm, 1)
        print(f"[{size}] warm-up build {warm:.1f} s; timing builds", file=sys.stderr)
    else:
        site = work / f"site-handbook-{size}"
        builds["handbook"].append(timed_run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(dump_config),
             "-d", str(site)], root, work / f"handbook-{size}-dump.log",
            HANDBOOK_BENCH_DUMP=str(dump)))
        row["first_handbook_build_dumped_markdown"] = True
    make_baseline(root, dump, baseline)

    for n in range(rounds):
        for name, project, config_name in sides:
            if len(builds[name]) == rounds:
                continue
            site = work / f"site-{name}-{size}"
            if site.exists():
                shutil.rmtree(site)
            builds[name].append(mkdocs(project, site, work / f"{name}-{size}-{n}.log",
                                       config_name))
            wall, cpu, _ = builds[name][-1]
            print(f"[{size}] {name} build {wall:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr)
    for name in builds:
        row[f"{name}_build_s"] = round(min(cpu for _, cpu, _ in builds[name]), 2)
        row[f"{name}_build_wall_s"] = round(min(wall for wall, _, _ in builds[name]), 2)
        row[f"{name}_build_all_cpu_s"] = [round(cpu, 2) for _, cpu, _ in builds[name]]
        row[f"{name}_peak_mb"] = round(max(mb for _, _, mb in builds[name]))
        row[f"{name}_site"] = site_sizes(work / f"site-{name}-{size}")
    row["build_over_baseline"] = round(row["handbook_build_s"] / row["baseline_build_s"], 2)
    if editions:
        row["editions_over_one"] = round(row["editions_build_s"] / row["handbook_build_s"], 2)
        row["editions_over_one_wall"] = round(
            row["editions_build_wall_s"] / row["handbook_build_wall_s"], 2)
        print(f"[{size}] two editions {row['editions_build_s']} s CPU, one edition "
              f"{row['handbook_build_s']} s: ratio {row['editions_over_one']} "
              f"(target <= {TARGETS['editions_over_one']})", file=sys.stderr)
    row["build_over_baseline_wall"] = round(
        row["handbook_build_wall_s"] / row["baseline_build_wall_s"], 2)
    same, pages = same_content(work / f"site-handbook-{size}", work / f"site-baseline-{size}")
    row["baseline_same_words_pages"] = [same, pages]
    print(f"[{size}] the baseline shows the same words on {same} of {pages} playbook pages",
          file=sys.stderr)
    if same != pages:
        raise SystemExit(
            f"[{size}] the baseline differs from the handbook on {pages - same} playbook pages: "
            "benchmarks/markdown_templates/ has drifted from the page templates "
            "(tests/test_benchmark_baseline.py names the pages)")
    for name in builds:
        shutil.rmtree(work / f"site-{name}-{size}")

    if serve_edits:
        print(f"[{size}] measuring mkdocs serve", file=sys.stderr)
        row["serve"] = measure_serve(root, serve_edits, work / f"serve-{size}.log")
    shutil.rmtree(dump)
    shutil.rmtree(baseline)
    shutil.rmtree(root)
    return row


# -- report ---------------------------------------------------------------------------------


def table(rows: list[dict]) -> str:
    head = (f"{'playbooks':>9} {'check s':>8} {'bare s':>7} {'ratio':>6} {'build s':>8} "
            f"{'base s':>7} {'ratio':>6} {'peak MB':>8} {'site MB':>8} {'base MB':>8} "
            f"{'page KB':>8} {'search MB':>9}")
    lines = ["CPU seconds (user + system), best of the rounds; page KB is the median page",
             head]
    for r in rows:
        site = r["handbook_site"]
        lines.append(
            f"{r['playbooks']:>9} {r['check_s']:>8.2f} {r['bare_parse_s']:>7.2f} "
            f"{r['check_over_bare']:>6.2f} {r['handbook_build_s']:>8.1f} "
            f"{r['baseline_build_s']:>7.1f} {r['build_over_baseline']:>6.2f} "
            f"{r['handbook_peak_mb']:>8} {site['site_mb']:>8} "
            f"{r['baseline_site']['site_mb']:>8} {site['page_kb_median']:>8} "
            f"{site['search_index_mb']:>9}")
    for r in rows:
        if "editions_over_one" in r:
            lines.append(f"editions at {r['playbooks']}: English + Turkish "
                         f"{r['editions_build_s']} s, English only {r['handbook_build_s']} s, "
                         f"ratio {r['editions_over_one']} (wall {r['editions_over_one_wall']}); "
                         f"target <= {TARGETS['editions_over_one']}")
    for r in rows:
        if "serve" in r:
            s = r["serve"]
            lines.append(f"preview at {r['playbooks']}: {s['command']}, first build "
                         f"{s['first_build_s']} s; edit to page {s['edit_to_page_s']} s wall, "
                         f"rebuild {s['rebuild_cpu_s']} s CPU")
    return "\n".join(lines)


def _same_words(row: dict) -> str:
    """"1,000 of 1,000": playbook pages whose words the baseline shows too."""
    same = row.get("baseline_same_words_pages")
    return f"{same[0]:,} of {same[1]:,}" if same else "not checked"


def markdown(rows: list[dict]) -> str:
    """The results as the Markdown tables of docs/performance.md: time, then size."""
    lines = [
        "| Playbooks | `handbook check` | Bare parse | Ratio | Build | Baseline | Ratio "
        "| Peak memory | Baseline memory | Same words |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['playbooks']:,} | {r['check_s']:.2f} s | {r['bare_parse_s']:.2f} s "
            f"| {r['check_over_bare']:.2f} | {r['handbook_build_s']:.1f} s "
            f"| {r['baseline_build_s']:.1f} s | {r['build_over_baseline']:.2f} "
            f"| {r['handbook_peak_mb']:,} MB | {r['baseline_peak_mb']:,} MB "
            f"| {_same_words(r)} |")
    lines += [
        "",
        "| Playbooks | Pages | Site | Baseline site | Median page | Largest page "
        "| Search index | Redirect pages |",
        "| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for r in rows:
        site, base = r["handbook_site"], r["baseline_site"]
        lines.append(
            f"| {r['playbooks']:,} | {site['pages']:,} | {site['site_mb']} MB "
            f"| {base['site_mb']} MB | {site['page_kb_median']} KB "
            f"| {site['largest_page_kb']:,} KB ({site['largest_page']}) "
            f"| {site['search_index_mb']} MB | {site['redirect_pages']:,} "
            f"({site['redirect_mb']} MB) |")
    for r in rows:
        if "editions_over_one" in r:
            lines.append(
                f"\nBoth editions at {r['playbooks']:,} playbooks (English at /, Turkish at "
                f"/tr/, one `mkdocs build --strict`): {r['editions_build_s']:.1f} s CPU against "
                f"{r['handbook_build_s']:.1f} s for the English edition alone, a ratio of "
                f"{r['editions_over_one']:.2f} ({r['editions_over_one_wall']:.2f} in wall "
                f"time); peak memory {r['editions_peak_mb']:,} MB.")
    for r in rows:
        if "serve" in r:
            s = r["serve"]
            lines.append(
                f"\nPreview at {r['playbooks']:,} playbooks (`{s['command']}`): first build "
                f"{s['first_build_s']} s wall; after an edit, the page showed the change in "
                f"{', '.join(str(t) for t in s['edit_to_page_s'])} s wall; the server used "
                f"{', '.join(str(t) for t in s['rebuild_cpu_s'])} s of CPU for each rebuild.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="comma-separated playbook counts (default 100,1000,5000)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 only")
    parser.add_argument("--rounds", type=int, default=2,
                        help="timed builds per side and size; the best is kept (default 2)")
    parser.add_argument("--serve-size", type=int, default=1000,
                        help="size at which to measure mkdocs serve (0: skip)")
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument("--editions-size", type=int, default=1000,
                        help="size at which to time the build with both editions "
                             "against English alone (0: skip)")
    parser.add_argument("--no-warmup", action="store_true",
                        help="no separate warm-up build: the first timed handbook build "
                             "also dumps the Markdown for the baseline (saves a build)")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--markdown", nargs="+", type=Path, metavar="JSON",
                        help="print the Markdown tables of earlier --json results and stop")
    args = parser.parse_args()
    if args.markdown:
        rows = [row for path in args.markdown for row in json.loads(path.read_text())["sizes"]]
        print(markdown(sorted(rows, key=lambda r: r["playbooks"])))
        return 0
    sizes = [100, 1000] if args.quick else [int(s) for s in args.sizes.split(",")]

    rows = []
    with tempfile.TemporaryDirectory(prefix="handbook-scale-") as tmp:
        for size in sizes:
            edits = args.serve_edits if size == args.serve_size else 0
            rows.append(measure(size, args.rounds, Path(tmp), edits, not args.no_warmup,
                                size == args.editions_size))
            print(table(rows), file=sys.stderr)
    result = {
        "command": " ".join(["benchmarks/scale.py", *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
        "handbook_build": "mkdocs build --strict with the repository's mkdocs.yml, English "
                          "edition only (languages: [en]): search, tags, handbook, macros, "
                          "redirects plugins",
        "editions_build": "the same with the repository's mkdocs.yml as it is: English and "
                          "Turkish editions in one build (editions_over_one: its CPU time "
                          "over the English-only build's)",
        "baseline_build": "mkdocs build --strict of the same Markdown as plain pages, same "
                          "theme, features, markdown_extensions, search and tags plugins, "
                          "playbook and path pages not_in_nav; no handbook, macros or "
                          "redirects plugin (so no /go/ redirect pages)",
        "check": "handbook check in-process (load, validate, content warnings) vs "
                 "yaml.load(CSafeLoader) of the same files; check_command_s is the whole "
                 "command with interpreter start",
        "targets": TARGETS,
        "sizes": rows,
    }
    print(table(rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
