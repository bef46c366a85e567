"""How fast is `handbook check` compared with bare libyaml parsing of the same files?

Target (issue: playbook model): check <= 1.5x bare ``yaml.load(..., CSafeLoader)``.
Both are measured in the same run on the same files, best of several rounds,
so the ratio holds on a noisy shared machine. Prints a table; --json writes it.

    .venv/bin/python benchmarks/check_speed.py [--count 1000] [--rounds 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from macros.checks import content_warnings  # noqa: E402
from macros.handbook import discover, load_handbook  # noqa: E402


def make_handbook(root: Path, count: int) -> list[Path]:
    """``count`` realistic playbooks: the starter ones, copied under new ids."""
    starters = discover(REPO / "playbooks")
    files = []
    for n in range(count):
        source = starters[n % len(starters)]
        text = source.read_text(encoding="utf-8")
        new_id = f"{source.stem[:48]}-{n}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        text = re.sub(r"^(related|aliases): \[.*?\]\n", "", text, flags=re.M | re.S)
        text = re.sub(r"^(related|aliases):\n(  - .*\n)+", "", text, flags=re.M)
        target = root / "playbooks" / source.parent.name / f"{new_id}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        files.append(target)
    return files


def best_of(rounds: int, function) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_handbook(root, args.count)
        size = sum(f.stat().st_size for f in files)

        def bare() -> None:
            for file in files:
                yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def check() -> None:
            book = load_handbook(root)
            errors = [p for p in book.problems if p.severity == "error"]
            assert not errors, errors[:3]
            assert len(book.playbooks) == args.count
            content_warnings(book, dt.date.today())

        bare_s = best_of(args.rounds, bare)
        check_s = best_of(args.rounds, check)

    result = {
        "playbooks": args.count, "bytes": size, "rounds": args.rounds,
        "bare_parse_s": round(bare_s, 3), "check_s": round(check_s, 3),
        "ratio_check_over_bare": round(check_s / bare_s, 2), "target_ratio": 1.5,
    }
    print(f"{'playbooks':>10} {'MB':>6} {'bare parse s':>13} {'check s':>8} {'ratio':>6} target")
    print(f"{args.count:>10} {size / 1e6:>6.1f} {bare_s:>13.3f} {check_s:>8.3f} "
          f"{check_s / bare_s:>6.2f} <= 1.5")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
