"""The benchmark scripts that back figures in the issue notes run on a fresh clone.

They read third-party data only when it is present; here each runs on the project's own
``corpus/`` so that a broken script shows in CI rather than when a figure is next needed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_index_phases_reports_every_phase_and_the_attribution_budget() -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "index_phases.py"),
            "--dir",
            str(ROOT / "corpus"),
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    n_files = len(list((ROOT / "corpus").glob("*.txt")))
    assert out.startswith(f"{n_files} files, ")
    shares = {}
    for name in ("read + units", "attribution", "write", "whole"):
        m = re.search(rf"^{re.escape(name)}\s+([\d.]+)\s+(\d+)%\s+([\d.]+|inf)$", out, re.M)
        assert m, f"no {name!r} line in:\n{out}"
        shares[name] = int(m.group(2))
    assert shares["whole"] == 100
    assert abs(shares["read + units"] + shares["attribution"] + shares["write"] - 100) <= 2
    assert re.search(
        r"attribution would need >= [\d.]+ MB/s|out of reach even with attribution free", out
    )
