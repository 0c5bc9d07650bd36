"""Checks of the compose file, the Dockerfile, the env files, the systemd unit and the shell scripts."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# libpq's environment variables (PostgreSQL 15 documentation, "Environment Variables").
LIBPQ_ENV = {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGSERVICE",
             "PGSERVICEFILE", "PGOPTIONS", "PGAPPNAME", "PGSSLMODE", "PGREQUIRESSL", "PGSSLCOMPRESSION",
             "PGSSLCERT", "PGSSLKEY", "PGSSLROOTCERT", "PGSSLCRL", "PGSSLCRLDIR", "PGSSLSNI", "PGREQUIREPEER",
             "PGSSLMINPROTOCOLVERSION", "PGSSLMAXPROTOCOLVERSION", "PGGSSENCMODE", "PGKRBSRVNAME", "PGGSSLIB",
             "PGCONNECT_TIMEOUT", "PGCLIENTENCODING", "PGTARGETSESSIONATTRS", "PGDATESTYLE", "PGTZ", "PGGEQO",
             "PGSYSCONFDIR", "PGLOCALEDIR"}
# The official postgres image's initialisation variables.
POSTGRES_IMAGE_ENV = {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_PASSWORD_FILE", "POSTGRES_DB",
                      "POSTGRES_INITDB_ARGS", "POSTGRES_INITDB_WALDIR", "POSTGRES_HOST_AUTH_METHOD", "PGDATA"}
OTHER_ENV = {"DATABASE_URL", "SWIFT_BACKTRACE", "TZ"}


def tool(name):
    """A tool from the virtualenv running this script, else from PATH."""
    local = os.path.join(os.path.dirname(sys.executable), name)
    return local if os.path.exists(local) else shutil.which(name)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


def settings_problems(repo, keys, where):
    """Environment keys nobody reads: a KCZY_ key kczy does not know, or a PG/POSTGRES key that is a typo."""
    known = set()
    for path in (repo / "Sources").rglob("*.swift"):
        known |= set(re.findall(r'"(KCZY_[A-Z0-9_]+)"', path.read_text(encoding="utf-8")))
    allowed = known | LIBPQ_ENV | POSTGRES_IMAGE_ENV | OTHER_ENV
    return [f"{where}: {key} is not a setting kczy, libpq or the postgres image reads" for key in keys
            if key not in allowed]


# ---- env files ----------------------------------------------------------------------------------------------

def env_files(repo, report):
    for path in sorted((repo / "deploy").rglob("*.env.example")):
        rel = path.relative_to(repo).as_posix()
        problems, keys, seen = [], [], set()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            commented = re.match(r"#\s*([A-Z][A-Z0-9_]*)=", line)
            if commented:
                keys.append(commented.group(1))
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            match = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", line)
            if not match:
                problems.append(f"line {number} is not KEY=VALUE")
                continue
            if match.group(1) in seen:
                problems.append(f"line {number}: {match.group(1)} is set twice")
            seen.add(match.group(1))
            keys.append(match.group(1))
        report.check(f"env {rel} ({len(seen)} settings)", problems + settings_problems(repo, keys, rel))


# ---- compose ------------------------------------------------------------------------------------------------

def compose(repo, docs, report):
    rel = "deploy/compose.yaml"
    if rel not in docs:
        report.fail(rel, "missing or not parsable")
        return
    code, out = run([tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(repo / rel)])
    report.check(f"compose {rel} [compose-spec JSON schema]", [] if code == 0 else [out.replace("\n", " ")])
    spec, folder, problems = docs[rel][0], (repo / rel).parent, []
    services = spec.get("services", {})
    for name, service in services.items():
        for env_file in service.get("env_file", []) if isinstance(service.get("env_file"), list) else \
                [service["env_file"]] if "env_file" in service else []:
            env_path = folder / (env_file if isinstance(env_file, str) else env_file["path"])
            if not env_path.exists() and not env_path.with_name(env_path.name + ".example").exists():
                problems.append(f"{name}: env_file {env_path.name} (or {env_path.name}.example) does not exist")
        build = service.get("build")
        if isinstance(build, dict):
            context = folder / build.get("context", ".")
            if not (context / build.get("dockerfile", "Dockerfile")).is_file():
                problems.append(f"{name}: Dockerfile {build.get('dockerfile')} not found in {context}")
        for dependency, rule in (service.get("depends_on") or {}).items():
            target = services.get(dependency)
            if target is None:
                problems.append(f"{name}: depends on unknown service {dependency}")
            elif rule.get("condition") == "service_healthy" and \
                    (not target.get("healthcheck") or target["healthcheck"].get("disable")):
                problems.append(f"{name}: waits for {dependency} to be healthy, which has no healthcheck")
            elif rule.get("condition") == "service_completed_successfully" and target.get("restart") != "no":
                problems.append(f"{name}: waits for {dependency} to complete, which restarts")
        environment = service.get("environment") or {}
        keys = list(environment) if isinstance(environment, dict) else [e.split("=")[0] for e in environment]
        problems += settings_problems(repo, keys, name)
    report.check(f"compose {rel} [files, dependencies, health checks]", problems)


# ---- Dockerfile ---------------------------------------------------------------------------------------------

def instructions(text):
    """(INSTRUCTION, arguments) pairs, with continuations joined and comments dropped."""
    result, buffer = [], ""
    for raw in text.splitlines():
        if raw.lstrip().startswith("#"):
            continue
        if raw.rstrip().endswith("\\"):
            buffer += raw.rstrip()[:-1] + " "
            continue
        line = (buffer + raw).strip()
        buffer = ""
        if line:
            word, _, rest = line.partition(" ")
            result.append((word.upper(), rest.strip()))
    return result


def ignore_rules(repo):
    for candidate in (repo / "deploy" / "Dockerfile.dockerignore", repo / ".dockerignore"):
        if candidate.exists():
            rules = []
            for line in candidate.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    negate = line.startswith("!")
                    rules.append((negate, pattern_regex(line.lstrip("!").strip("/"))))
            return rules
    return []


def pattern_regex(pattern):
    """A .dockerignore pattern as a regular expression over slash-separated relative paths."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        else:
            out += {"*": "[^/]*", "?": "[^/]"}.get(pattern[i], re.escape(pattern[i]))
            i += 1
    return re.compile(out + r"\Z")


def ignored(path, rules):
    """Docker's rule: the last pattern matching the path or one of its parent folders decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    verdict = False
    for negate, regex in rules:
        if any(regex.match(c) for c in candidates):
            verdict = not negate
    return verdict


def copy_sources(args):
    flags = dict(re.findall(r"--([a-z]+)=(\S+)", args))
    rest = re.sub(r"--[a-z]+=\S+\s*", "", args).strip()
    parts = json.loads(rest) if rest.startswith("[") else rest.split()
    return flags, parts[:-1], parts[-1]


def dockerfile(repo, report):
    rel = "deploy/Dockerfile"
    path = repo / rel
    if not path.exists():
        report.fail(rel, "missing")
        return
    code, out = run([tool("hadolint"), "--no-color", "--config", str(repo / "deploy/.hadolint.yaml"), str(path)])
    report.check(f"dockerfile {rel} [hadolint]", [] if code == 0 else [out.replace("\n", " | ")])

    problems, stages, final = [], [], {}
    rules = ignore_rules(repo)
    for word, args in instructions(path.read_text(encoding="utf-8")):
        if word == "FROM":
            match = re.search(r"\s+AS\s+(\S+)$", args, re.IGNORECASE)
            stages.append(match.group(1) if match else str(len(stages)))
            final = {"copies": []}
        elif word in ("COPY", "ADD"):
            flags, sources, destination = copy_sources(args)
            final["copies"].append(destination.rstrip("/"))
            if "from" in flags:
                if flags["from"] not in stages[:-1]:
                    problems.append(f"COPY --from={flags['from']}: no earlier stage of that name")
                continue
            for source in sources:
                problems += context_problems(repo, source, rules)
        elif word == "ENV":
            final.setdefault("env", {}).update(dict(re.findall(r"(\w+)=(\S+)", args)))
        elif word in ("USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD"):
            final[word] = args
    user = final.get("USER", "root").split(":")[0]
    if user in ("root", "0"):
        problems.append("the final stage runs as root (no USER)")
    for word in ("EXPOSE", "HEALTHCHECK", "ENTRYPOINT"):
        if word not in final:
            problems.append(f"the final stage has no {word}")
    for key in ("KCZY_SQL_DIR", "KCZY_TEMPLATES_DIR"):
        if final.get("env", {}).get(key) not in final["copies"]:
            problems.append(f"ENV {key} is not a folder the final stage copies in")
    problems += settings_problems(repo, [k for k in final.get("env", {})], "ENV")
    report.check(f"dockerfile {rel} [stages, COPY sources in the build context, USER, HEALTHCHECK]", problems)


def context_problems(repo, source, rules):
    target = repo / source
    if not target.exists():
        return [f"COPY {source}: not in the build context (the repository root)"]
    files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    kept = [p for p in files if not ignored(p.relative_to(repo).as_posix(), rules)]
    return [] if kept else [f"COPY {source}: excluded by the .dockerignore rules"]


# ---- systemd ------------------------------------------------------------------------------------------------

def systemd(repo, report):
    unit = repo / "deploy/systemd/kczy.service"
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        report.skip("systemd deploy/systemd/kczy.service", "systemd-analyze is not installed (apt-get install systemd)")
        return
    text = unit.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as root:
        # A throw-away root with the system's units and stand-ins for the binaries the unit runs, so that
        # verify checks this unit file alone, wherever kczy is (or is not) installed.
        shutil.copytree("/lib/systemd/system", f"{root}/usr/lib/systemd/system", symlinks=True)
        os.makedirs(f"{root}/etc/systemd/system")
        shutil.copy(unit, f"{root}/etc/systemd/system/kczy.service")
        for binary in set(re.findall(r"^Exec\w*=[-@:+!]*(/\S+)", text, re.MULTILINE)):
            os.makedirs(os.path.dirname(root + binary), exist_ok=True)
            with open(root + binary, "w") as stub:
                stub.write("#!/bin/sh\n")
            os.chmod(root + binary, 0o755)
        code, out = run([analyze, "verify", f"--root={root}", "/etc/systemd/system/kczy.service"])
        report.check("systemd deploy/systemd/kczy.service [systemd-analyze verify, warnings fail]",
                     [out.replace(root, "").replace("\n", " | ")] if code or out else [])
        code, out = run([analyze, "security", "--offline=yes", "--threshold=20", f"--root={root}",
                         "/etc/systemd/system/kczy.service"])
        score = re.search(r"Overall exposure level for kczy.service: (\S+)", out)
        report.check(f"systemd kczy.service [systemd-analyze security: exposure {score.group(1) if score else '?'}"
                     f", at most 2.0]", [] if code == 0 else [out.splitlines()[-1] if out else "failed"])
    env = [k for k in re.findall(r"^EnvironmentFile=-?(\S+)", text, re.MULTILINE)]
    if env and not (repo / "deploy/systemd" / (os.path.basename(env[0]) + ".example")).exists():
        report.fail("systemd kczy.service", f"no deploy/systemd/{os.path.basename(env[0])}.example")


# ---- shell --------------------------------------------------------------------------------------------------

def shell(repo, report):
    scripts = sorted(str(p) for p in (repo / "deploy").rglob("*.sh"))
    scripts += [str(repo / s) for s in ("scripts/validate-deploy.sh", "scripts/backup-test.sh")
                if (repo / s).exists()]
    code, out = run([tool("shellcheck"), "--format=gcc", *scripts])
    names = ", ".join(os.path.relpath(s, repo) for s in scripts)
    report.check(f"shellcheck {names}", [] if code == 0 else [out.replace(str(repo) + "/", "")])
