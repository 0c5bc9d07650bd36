"""Kubernetes checks: schemas (built-in kinds and CloudNativePG CRDs) and references between the manifests."""

import copy

import jsonschema
from kubernetes_validate import utils as kv

from file_checks import settings_problems

# Secrets CloudNativePG generates for a Cluster named C, with their keys (None: keys not checked).
CNPG_APP_KEYS = {"username", "user", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass",
                 "fqdn-uri", "fqdn-jdbc-uri"}
CNPG_GENERATED = {"-app": CNPG_APP_KEYS, "-ca": {"ca.crt", "ca.key"}, "-superuser": None,
                  "-replication": None, "-server": None}
POD_OWNERS = {"Deployment", "Job", "StatefulSet", "DaemonSet"}


def run(repo, docs, versions, report):
    manifests = [(path, doc) for path, items in docs.items() if path.startswith("deploy/k8s/") for doc in items]
    crds = load_crds(docs)
    for path, doc in manifests:
        if not isinstance(doc, dict) or "kind" not in doc or "apiVersion" not in doc:
            report.fail(f"k8s {path}", "a document without apiVersion and kind")
            continue
        name = (doc.get("metadata") or {}).get("name")
        what = f"k8s {path} {doc['kind']}" + (f"/{name}" if name else "")
        if doc["apiVersion"].startswith("kustomize.config.k8s.io/"):
            report.check(what, kustomization(repo, path, doc, manifests))
        elif (doc["apiVersion"], doc["kind"]) in crds:
            report.check(what + " [CRD schema]", custom_resource(doc, crds[(doc["apiVersion"], doc["kind"])],
                                                                 versions[-1]))
        else:
            report.check(what + f" [Kubernetes {', '.join(versions)}]", builtin(doc, versions))
    objects = [doc for _, doc in manifests if isinstance(doc, dict) and "kind" in doc]
    report.check("k8s references (secrets, config maps, services, clusters, images)",
                 guarded(references, objects))
    report.check("k8s kczy policy (replicas, probes, resources, non-root)", guarded(policy, objects))
    report.check("k8s environment keys (ConfigMap data, container env)", guarded(environment_keys, repo, objects))


def guarded(check, *args):
    """Runs a check that walks the manifests; a manifest too malformed to walk is a failure, not a crash."""
    try:
        return check(*args)
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        return [f"could not check (malformed manifest?): {type(error).__name__}: {error}"]


def environment_keys(repo, objects):
    keys = [k for o in objects if o["kind"] == "ConfigMap" for k in o.get("data", {})]
    keys += [e["name"] for o in objects for c in containers(o) for e in c.get("env", [])]
    return settings_problems(repo, keys, "k8s")


def builtin(doc, versions):
    problems = []
    for version in versions:
        try:
            kv.validate(doc, version, strict=True)
        except kv.ValidationError as e:
            problems.append(f"{version}: {'.'.join(map(str, e.path)) or '(root)'}: {e.message}")
        except kv.SchemaNotFoundError as e:
            problems.append(f"{version}: {e.message} (no schema: unknown kind or apiVersion)")
    return problems


def load_crds(docs):
    """{(apiVersion, kind): strict JSON schema} from every CustomResourceDefinition under deploy/schemas."""
    crds = {}
    for path in sorted(p for p in docs if p.startswith("deploy/schemas/")):
        for doc in docs[path]:
            if not isinstance(doc, dict) or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            for version in spec["versions"]:
                schema = strict(copy.deepcopy(version["schema"]["openAPIV3Schema"]))
                crds[(f"{spec['group']}/{version['name']}", spec["names"]["kind"])] = schema
    return crds


def strict(schema):
    """Rejects unknown fields wherever a schema lists its properties (kubectl's strict field validation)."""
    if isinstance(schema, dict):
        if "properties" in schema and "additionalProperties" not in schema \
                and not schema.get("x-kubernetes-preserve-unknown-fields"):
            schema["additionalProperties"] = False
        for value in schema.values():
            strict(value)
    elif isinstance(schema, list):
        for value in schema:
            strict(value)
    return schema


def custom_resource(doc, schema, version):
    problems = [f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}"
                for e in jsonschema.Draft7Validator(schema).iter_errors(doc)]
    # Object metadata is the same for every kind: check it with the built-in ObjectMeta schema.
    meta = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": doc.get("metadata", {})}
    problems += builtin(meta, [version]) if "name" in meta["metadata"] else ["metadata.name is missing"]
    return problems


def kustomization(repo, path, doc, manifests):
    folder = (repo / path).parent
    problems = [f"resource {r} does not exist" for r in doc.get("resources", []) if not (folder / r).exists()]
    images = {c["image"].rsplit(":", 1)[0] for _, d in manifests if isinstance(d, dict)
              for c in containers(d)}
    problems += [f"image {i['name']} is used by no container" for i in doc.get("images", [])
                 if i["name"] not in images]
    return problems


def pod_spec(obj):
    if obj.get("kind") in POD_OWNERS:
        return obj.get("spec", {}).get("template", {}).get("spec", {})
    return None


def containers(obj):
    spec = pod_spec(obj) or {}
    return spec.get("containers", []) + spec.get("initContainers", [])


def references(objects):
    """Every secret, config map, service and cluster a manifest names is defined or generated here."""
    problems = []
    defined = {(o["kind"], o["metadata"]["name"]): o for o in objects if "metadata" in o}
    clusters = {name for kind, name in defined if kind == "Cluster"}
    secrets = {name: set(o.get("data", {})) | set(o.get("stringData", {}))
               for (kind, name), o in defined.items() if kind == "Secret"}
    for cluster in clusters:
        for suffix, keys in CNPG_GENERATED.items():
            secrets[cluster + suffix] = keys
    config_maps = {name: set(o.get("data", {})) for (kind, name), o in defined.items() if kind == "ConfigMap"}

    def need(kind, store, name, key, where):
        if name not in store:
            problems.append(f"{where}: {kind} {name} is neither defined here nor generated by a Cluster")
        elif key is not None and store[name] is not None and key not in store[name]:
            problems.append(f"{where}: {kind} {name} has no key {key}")

    for o in objects:
        where = f"{o['kind']}/{o.get('metadata', {}).get('name')}"
        spec = pod_spec(o)
        if spec is not None:
            for c in containers(o):
                for env in c.get("env", []):
                    ref = env.get("valueFrom", {})
                    if "secretKeyRef" in ref:
                        need("Secret", secrets, ref["secretKeyRef"]["name"], ref["secretKeyRef"]["key"], where)
                    if "configMapKeyRef" in ref:
                        r = ref["configMapKeyRef"]
                        need("ConfigMap", config_maps, r["name"], r["key"], where)
                for source in c.get("envFrom", []):
                    if "secretRef" in source:
                        need("Secret", secrets, source["secretRef"]["name"], None, where)
                    if "configMapRef" in source:
                        need("ConfigMap", config_maps, source["configMapRef"]["name"], None, where)
            for volume in spec.get("volumes", []):
                if "secret" in volume:
                    for item in volume["secret"].get("items", [{"key": None}]):
                        need("Secret", secrets, volume["secret"]["secretName"], item["key"], where)
                if "configMap" in volume:
                    need("ConfigMap", config_maps, volume["configMap"]["name"], None, where)
        if o["kind"] == "Cluster":
            for name, key in secret_key_selectors(o.get("spec", {})):
                need("Secret", secrets, name, key, where)
            source = o["spec"].get("bootstrap", {}).get("recovery", {}).get("source")
            external = {e["name"] for e in o["spec"].get("externalClusters", [])}
            if source is not None and source not in external:
                problems.append(f"{where}: recovery source {source} is not in externalClusters")
        if o["kind"] == "ScheduledBackup" and o["spec"]["cluster"]["name"] not in clusters:
            problems.append(f"{where}: cluster {o['spec']['cluster']['name']} is not defined")
        if o["kind"] == "Service":
            problems += service_targets(o, objects, where)
        if o["kind"] == "Ingress":
            problems += ingress_backends(o, defined, where)
    images = {c["image"] for o in objects for c in containers(o) if o["metadata"]["name"].startswith("kczy")}
    if len(images) > 1:
        problems.append(f"the kczy Deployment and Job use different images: {sorted(images)}")
    return problems


def secret_key_selectors(node, parent=None):
    """(name, key) of every credential reference in a Cluster spec ({name, key} under a credential field)."""
    found = []
    if isinstance(node, dict):
        if set(node) == {"name", "key"} and parent not in (None, "customQueriesConfigMap", "configMapRefs"):
            found.append((node["name"], node["key"]))
        for key, value in node.items():
            found += secret_key_selectors(value, key)
    elif isinstance(node, list):
        for value in node:
            found += secret_key_selectors(value, parent)
    return found


def service_targets(service, objects, where):
    selector = service["spec"].get("selector", {})
    pods = [o for o in objects if pod_spec(o) is not None and o["kind"] != "Job"
            and selector.items() <= o["spec"]["template"]["metadata"].get("labels", {}).items()]
    if not pods:
        return [f"{where}: the selector {selector} matches no Deployment's pods"]
    ports = {p.get("name") for o in pods for c in containers(o) for p in c.get("ports", [])}
    ports |= {p["containerPort"] for o in pods for c in containers(o) for p in c.get("ports", [])}
    return [f"{where}: targetPort {p.get('targetPort')} is no container port"
            for p in service["spec"]["ports"] if p.get("targetPort", p["port"]) not in ports]


def ingress_backends(ingress, defined, where):
    problems = []
    for rule in ingress["spec"].get("rules", []):
        for path in rule.get("http", {}).get("paths", []):
            backend = path["backend"]["service"]
            service = defined.get(("Service", backend["name"]))
            if service is None:
                problems.append(f"{where}: Service {backend['name']} is not defined")
                continue
            port = backend["port"].get("name", backend["port"].get("number"))
            if port not in {p.get("name") for p in service["spec"]["ports"]} | \
                    {p["port"] for p in service["spec"]["ports"]}:
                problems.append(f"{where}: Service {backend['name']} has no port {port}")
    return problems


def policy(objects):
    """What issue #7 asks of the kczy workloads."""
    problems = []
    for o in objects:
        spec = pod_spec(o)
        if spec is None:
            continue
        where = f"{o['kind']}/{o['metadata']['name']}"
        pod_security = spec.get("securityContext", {})
        for c in containers(o):
            security = {**pod_security, **c.get("securityContext", {})}
            if security.get("runAsNonRoot") is not True:
                problems.append(f"{where}/{c['name']}: runAsNonRoot is not true")
            if security.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}/{c['name']}: allowPrivilegeEscalation is not false")
            for part in ("requests", "limits"):
                missing = {"cpu", "memory"} - set(c.get("resources", {}).get(part, {}))
                if missing:
                    problems.append(f"{where}/{c['name']}: resources.{part} lacks {', '.join(sorted(missing))}")
        if o["kind"] == "Deployment":
            if o["spec"].get("replicas", 1) < 2:
                problems.append(f"{where}: fewer than 2 replicas")
            for c in spec["containers"]:
                for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")):
                    if c.get(probe, {}).get("httpGet", {}).get("path") != path:
                        problems.append(f"{where}/{c['name']}: {probe} is not GET {path}")
    if not any(o["kind"] == "Cluster" and o["spec"].get("instances", 0) >= 3 and
               "-restore" not in o["metadata"]["name"] for o in objects):
        problems.append("no CloudNativePG Cluster with 3 or more instances")
    return problems


if __name__ == "__main__":
    raise SystemExit("run deploy/tools/validate_deploy.py")
