"""README examples and the command reference are generated (make docs) and must be current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quotecheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_readme_command_reference_is_current() -> None:
    p = subprocess.run(
        [sys.executable, "scripts/readme.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert p.returncode == 0, p.stderr


def test_every_command_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"quotecheck {name}" in readme, name
