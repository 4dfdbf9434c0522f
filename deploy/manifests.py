"""The Kubernetes manifests (deploy/kubernetes), validated offline against one pinned API version.

kubernetes-validate ships the API's JSON schemas, so nothing is fetched. Strict: a field the API
does not know (a typo such as ``readinesProbe``) is an error, not silently ignored as a cluster's
``kubectl apply`` may do. ``python -m deploy.manifests`` runs in ``make lint``; tests/deploy runs
the same function.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import yaml

__all__ = ["KUBERNETES_VERSION", "MANIFEST_DIR", "documents", "main", "problems"]

# The oldest of the three minor versions upstream Kubernetes supported when the pinned
# kubernetes-validate (1.37.0, schemas up to 1.37) came out; tests/deploy checks the newest too.
KUBERNETES_VERSION = "1.35.0"
MANIFEST_DIR = Path(__file__).resolve().parent / "kubernetes"


def documents(directory: Path = MANIFEST_DIR) -> dict[str, list[dict[str, Any]]]:
    """Every YAML document of every manifest, by file name."""
    return {
        path.name: [document for document in yaml.safe_load_all(path.read_text(encoding="utf-8")) if document]
        for path in sorted(directory.glob("*.yaml"))
    }


def problems(manifests: dict[str, list[dict[str, Any]]], version: str = KUBERNETES_VERSION) -> list[str]:
    """Why each document that fails strict validation fails; empty when all pass."""
    found = []
    for name, docs in manifests.items():
        for document in docs:
            try:
                kubernetes_validate.validate(document, version, strict=True)
            except (kubernetes_validate.ValidationError, kubernetes_validate.SchemaNotFoundError) as error:
                where = ".".join(str(part) for part in getattr(error, "path", []))
                found.append(f"{name} ({document.get('kind')}): {where} {getattr(error, 'message', error)}")
    return found


def main() -> None:
    """Validate every manifest; exit 1 with the reasons when one fails."""
    manifests = documents()
    if not manifests:
        sys.exit(f"no manifests in {MANIFEST_DIR}")
    found = problems(manifests)
    for line in found:
        print(line, file=sys.stderr)
    count = sum(len(docs) for docs in manifests.values())
    print(f"kubernetes-validate (strict, {KUBERNETES_VERSION}): {count} resources, {len(found)} failed")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
