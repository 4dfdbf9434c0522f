"""One command line in three places: the systemd unit, the container image and its Kubernetes pods.

The unit's ExecStart is what ``make deploy-check`` runs (deploy/unit.py); the Containerfile's CMD
must pass the same Streamlit flags except where a container differs (all addresses, a fixed port),
and the Deployment must probe the port the image exposes. Expected flags are written out by hand.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from deploy.unit import UNIT_FILE, app_command, streamlit_flags, unit_settings
from tests.e2e.server import REPO_ROOT

CONTAINERFILE = (REPO_ROOT / "deploy" / "Containerfile").read_text(encoding="utf-8")

# The production flags (README, "Running more than one server"): these, and no others.
UNIT_FLAGS = {
    "server.address": "127.0.0.1",
    "server.port": "%i",
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "browser.gatherUsageStats": "false",
    "browser.serverAddress": "localhost",
}


def _instruction(name: str) -> list[str]:
    """Every argument of a Containerfile instruction (continuation lines joined)."""
    joined = CONTAINERFILE.replace("\\\n", " ")
    return re.findall(rf"^{name}\s+(.+)$", joined, flags=re.MULTILINE)


def test_unit_runs_streamlit_with_the_production_flags() -> None:
    assert streamlit_flags() == UNIT_FLAGS


def test_unit_runs_as_its_own_user_and_restarts_on_failure() -> None:
    settings = unit_settings()
    assert settings["User"] == ["leerwinst"] and settings["Group"] == ["leerwinst"]
    assert settings["Restart"] == ["on-failure"]
    assert settings["NoNewPrivileges"] == ["yes"]
    assert settings["ProtectSystem"] == ["strict"]
    assert "%i" in settings["Description"][0]  # one instance per port: leerwinst@8501, leerwinst@8502


def test_app_command_is_the_units_with_this_python_and_port() -> None:
    assert app_command(8601) == [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.address", "127.0.0.1",
        "--server.port", "8601",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--browser.serverAddress", "localhost",
    ]  # fmt: skip


def test_a_unit_that_is_no_streamlit_run_is_refused() -> None:
    with pytest.raises(ValueError, match=r"streamlit run app\.py"):
        streamlit_flags("ExecStart=/v/bin/python -m http.server %i")
    with pytest.raises(ValueError, match="pairs"):
        streamlit_flags("ExecStart=/v/bin/python -m streamlit run app.py --server.headless")


def test_image_runs_the_units_flags_on_all_addresses_of_port_8501() -> None:
    (cmd,) = _instruction("CMD")
    command = json.loads(cmd)
    assert command[:5] == ["python", "-m", "streamlit", "run", "app.py"]
    flags = dict(zip((name[2:] for name in command[5::2]), command[6::2], strict=True))
    assert flags == {**UNIT_FLAGS, "server.address": "0.0.0.0", "server.port": "8501"}
    assert _instruction("EXPOSE") == ["8501"]


def test_image_is_slim_pinned_and_not_root() -> None:
    (base,) = _instruction("FROM")
    assert re.fullmatch(r"python:3\.11-slim-\w+", base)
    installs = [run for run in _instruction("RUN") if "pip install" in run]
    assert installs == ["pip install --no-cache-dir -r requirements.txt -c constraints.txt"]
    users = _instruction("USER")
    assert users == ["10001"]  # numeric, so Kubernetes can check runAsNonRoot
    assert any("--uid 10001" in run for run in _instruction("RUN"))


def test_image_health_check_asks_streamlits_health_endpoint() -> None:
    (check,) = _instruction("HEALTHCHECK")
    assert "http://127.0.0.1:8501/_stcore/health" in check
    assert "!= b'ok'" in check  # healthy only when it answers "ok"


def test_image_copies_what_the_app_reads() -> None:
    copied = {source for line in _instruction("COPY") for source in line.split()[:-1]}
    assert copied == {
        "requirements.txt", "constraints.txt", ".streamlit/", "app.py", "calculators/", "content/", "ui/",
    }  # fmt: skip


def test_unit_file_is_where_deploy_check_reads_it() -> None:
    assert UNIT_FILE == REPO_ROOT / "deploy" / "systemd" / "leerwinst@.service"
