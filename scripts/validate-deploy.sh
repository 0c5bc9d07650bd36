#!/usr/bin/env bash
# Validates deploy/ without Docker or a cluster: YAML syntax, Kubernetes manifests against the Kubernetes
# JSON schemas (bundled by kubernetes-validate) and CloudNativePG resources against deploy/schemas, references
# between the manifests, the compose file against the compose-spec schema, the Dockerfile (hadolint and its
# COPY sources against the build context), the env files, the systemd unit (systemd-analyze) and the shell
# scripts (shellcheck). Exits non-zero when any check fails.
#
#   scripts/validate-deploy.sh                      # all checks
#   KCZY_K8S_VERSIONS=1.30,1.33 scripts/validate-deploy.sh
#
# Tools are installed from PyPI into .venv-deploy (pinned in deploy/tools/requirements.txt) on first use;
# later runs reuse it while the requirements are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-deploy
requirements=deploy/tools/requirements.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)

if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "validate-deploy: installing the validation tools into $venv" >&2
    if ! python3 -m venv --clear "$venv" 2>/dev/null; then
        # Debian's python3 needs python3-venv for this.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
        python3 -m venv --clear "$venv"
    fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >&2
    echo "$want" > "$stamp"
fi

exec "$venv/bin/python" deploy/tools/validate_deploy.py --k8s-versions "${KCZY_K8S_VERSIONS:-1.29,1.37}" "$@"
