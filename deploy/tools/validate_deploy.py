"""Validates everything under deploy/ without Docker or a Kubernetes cluster.

Run through scripts/validate-deploy.sh, which prepares the virtualenv. Usage:
    python deploy/tools/validate_deploy.py [--repo ROOT] [--k8s-versions 1.29,1.37]
Each check prints `ok` or `FAIL`; the last line is `validate-deploy: N passed, M failed`; the exit status is
1 when anything failed.
"""

import argparse
import pathlib
import sys

import yaml

import file_checks
import k8s_checks


class Report:
    """Collects check results and prints them as they come."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, what):
        self.passed += 1
        print(f"ok    {what}")

    def fail(self, what, why):
        self.failed += 1
        print(f"FAIL  {what}: {why}")

    def skip(self, what, why):
        print(f"SKIP  {what}: {why}")

    def check(self, what, problems):
        """Records one check from a list of problems (empty: passed)."""
        if problems:
            self.fail(what, "; ".join(problems))
        else:
            self.ok(what)


def load_yaml_files(repo, report):
    """Parses every YAML file under deploy/; returns {relative path: [documents]} of those that parse."""
    docs = {}
    for path in sorted((repo / "deploy").rglob("*")):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        rel = path.relative_to(repo).as_posix()
        try:
            docs[rel] = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
        except yaml.YAMLError as error:
            report.fail(f"yaml {rel}", str(error).replace("\n", " "))
            continue
        report.ok(f"yaml {rel} ({len(docs[rel])} documents)")
    return docs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=pathlib.Path(__file__).resolve().parents[2], type=pathlib.Path)
    parser.add_argument("--k8s-versions", default="1.29,1.37")
    args = parser.parse_args()
    repo = args.repo.resolve()
    report = Report()

    print("== YAML syntax")
    docs = load_yaml_files(repo, report)
    print("== Kubernetes manifests (deploy/k8s) against the Kubernetes and CloudNativePG schemas")
    k8s_checks.run(repo, docs, [v.strip() for v in args.k8s_versions.split(",") if v.strip()], report)
    print("== Compose file")
    file_checks.compose(repo, docs, report)
    print("== Dockerfile")
    file_checks.dockerfile(repo, report)
    print("== Environment files")
    file_checks.env_files(repo, report)
    print("== systemd unit")
    file_checks.systemd(repo, report)
    print("== Shell scripts")
    file_checks.shell(repo, report)

    print(f"validate-deploy: {report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
