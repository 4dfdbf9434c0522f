"""The Kubernetes manifests: valid for the pinned API version (kubernetes-validate, offline, strict)
and consistent with the image, the nginx configuration and Streamlit's settings."""

from __future__ import annotations

import copy
import re
import tomllib
from typing import Any

from deploy.manifests import KUBERNETES_VERSION, documents, problems
from deploy.nginx_config import PRODUCTION_CONF
from tests.e2e.server import REPO_ROOT

MANIFESTS = documents()
NEWEST_SCHEMAS = "1.37.0"  # the newest version kubernetes-validate 1.37.0 ships


def _one(kind: str) -> dict[str, Any]:
    (found,) = [doc for docs in MANIFESTS.values() for doc in docs if doc["kind"] == kind]
    return found


def _container() -> dict[str, Any]:
    (container,) = _one("Deployment")["spec"]["template"]["spec"]["containers"]
    assert isinstance(container, dict)
    return container


def test_every_manifest_is_valid_for_the_pinned_and_the_newest_version() -> None:
    assert sorted(MANIFESTS) == ["deployment.yaml", "ingress.yaml", "service.yaml"]
    assert problems(MANIFESTS, KUBERNETES_VERSION) == []
    assert problems(MANIFESTS, NEWEST_SCHEMAS) == []


def test_a_misspelt_field_is_reported() -> None:
    """The validation is strict: an unknown field fails instead of being ignored."""
    broken = copy.deepcopy(MANIFESTS)
    container = broken["deployment.yaml"][0]["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    found = problems(broken)
    assert len(found) == 1 and found[0].startswith("deployment.yaml (Deployment)")


def test_probes_ask_streamlits_health_endpoint_on_the_images_port() -> None:
    container = _container()
    (port,) = container["ports"]
    assert port == {"name": "http", "containerPort": 8501, "protocol": "TCP"}  # EXPOSE 8501
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}


def test_pods_run_as_the_images_user_without_privileges() -> None:
    pod = _one("Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001  # USER 10001 in deploy/Containerfile
    assert _container()["securityContext"]["allowPrivilegeEscalation"] is False


def test_resources_request_one_core_and_the_sized_memory() -> None:
    """One process runs Python on one core; memory: 190 MB + 200 × 0.35 MB + 2 × 50 MB = 360 MB,
    rounded up to 384 Mi (the sizing in deployment.yaml's comment, from make load-proxy)."""
    resources = _container()["resources"]
    assert resources["requests"] == {"cpu": "1", "memory": "384Mi"}
    assert 190 + 200 * 0.35 + 2 * 50 <= 384 * 1.048576  # 1 Mi = 1.048576 MB
    assert "cpu" not in resources["limits"]  # a CPU limit would throttle a busy process mid-run


def test_service_and_ingress_point_at_the_pods_port() -> None:
    service, ingress = _one("Service"), _one("Ingress")
    assert service["spec"]["selector"] == _one("Deployment")["spec"]["selector"]["matchLabels"]
    (port,) = service["spec"]["ports"]
    assert port["targetPort"] == "http"
    (rule,) = ingress["spec"]["rules"]
    (path,) = rule["http"]["paths"]
    assert path["backend"]["service"] == {"name": service["metadata"]["name"], "port": {"name": "http"}}


def test_ingress_keeps_a_browser_on_one_pod_by_cookie_with_long_websocket_timeouts() -> None:
    annotations = _one("Ingress")["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert annotations[prefix + "affinity"] == "cookie"
    # the same cookie name as the nginx configuration's, so both setups set one cookie of one name
    assert annotations[prefix + "session-cookie-name"] == "leerwinst_route"
    assert "leerwinst_route=" in PRODUCTION_CONF.read_text(encoding="utf-8")
    assert annotations[prefix + "session-cookie-secure"] == "true"
    assert int(annotations[prefix + "proxy-read-timeout"]) >= 3600
    assert int(annotations[prefix + "proxy-send-timeout"]) >= 3600


def test_ingress_upload_limit_is_streamlits() -> None:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    body = _one("Ingress")["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]
    assert re.fullmatch(r"(\d+)m", body)
    assert int(body[:-1]) == config["server"]["maxUploadSize"]
