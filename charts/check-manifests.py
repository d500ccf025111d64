"""Fallback for kube-linter: checks rendered Helm manifests against the rules the charts promise.

Used by check.sh only when kube-linter cannot be found or installed. Each file given is one
rendered release; cross-object rules (Service and NetworkPolicy selectors) stay within a file.
Usage: python3 check-manifests.py rendered/*.yaml
"""

import sys

import yaml

WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}
LONG_RUNNING = {"Deployment", "StatefulSet", "DaemonSet"}  # these must have both probes


def pod_template(obj):
    spec = obj.get("spec") or {}
    if obj["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return spec.get("template") or {}


def selects(selector, labels):
    return bool(selector) and all(labels.get(key) == value for key, value in selector.items())


def container_problems(kind, pod_spec, container):
    pod_sc = pod_spec.get("securityContext") or {}
    sc = container.get("securityContext") or {}
    effective = {**pod_sc, **sc}
    problems = []
    if effective.get("runAsNonRoot") is not True:
        problems.append("runAsNonRoot is not true")
    if effective.get("runAsUser") == 0:
        problems.append("runAsUser is 0")
    if sc.get("privileged"):
        problems.append("privileged")
    if sc.get("allowPrivilegeEscalation") is not False:
        problems.append("allowPrivilegeEscalation is not false")
    if sc.get("readOnlyRootFilesystem") is not True:
        problems.append("readOnlyRootFilesystem is not true")
    if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
        problems.append("capabilities do not drop ALL")
    resources = container.get("resources") or {}
    for section in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if not (resources.get(section) or {}).get(resource):
                problems.append(f"no {resource} {section[:-1]}")
    image = container.get("image", "")
    if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
        problems.append(f"image {image!r} is not pinned to a tag")
    if kind in LONG_RUNNING:
        ports = {p.get("name") for p in container.get("ports") or []}
        ports |= {p.get("containerPort") for p in container.get("ports") or []}
        for probe in ("livenessProbe", "readinessProbe"):
            handler = (container.get(probe) or {}).get("httpGet") or (container.get(probe) or {}).get("tcpSocket")
            if not container.get(probe):
                problems.append(f"no {probe}")
            elif handler and handler.get("port") not in ports:
                problems.append(f"{probe} port {handler.get('port')!r} is not a container port")
    return problems


def check_file(path):
    with open(path, encoding="utf-8") as handle:
        objects = [doc for doc in yaml.safe_load_all(handle) if doc]
    workloads = [o for o in objects if o["kind"] in WORKLOADS]
    policies = [o for o in objects if o["kind"] == "NetworkPolicy"]
    results = []  # (subject, problem or None)

    for obj in workloads:
        name = f"{obj['kind']}/{obj['metadata']['name']}"
        template = pod_template(obj)
        labels = (template.get("metadata") or {}).get("labels") or {}
        pod_spec = template.get("spec") or {}
        for container in (pod_spec.get("initContainers") or []) + (pod_spec.get("containers") or []):
            subject = f"{name} container {container['name']}"
            problems = container_problems(obj["kind"], pod_spec, container)
            results += [(subject, p) for p in problems] or [(subject, None)]
        selector = ((obj.get("spec") or {}).get("selector") or {}).get("matchLabels")
        if obj["kind"] in LONG_RUNNING and not selects(selector, labels):
            results.append((name, "selector does not match its pod labels"))
        isolated = any(selects(p["spec"]["podSelector"].get("matchLabels"), labels) for p in policies)
        results.append((name, None if isolated else "no NetworkPolicy selects its pods"))

    for svc in (o for o in objects if o["kind"] == "Service"):
        selector = svc["spec"].get("selector")
        matched = any(selects(selector, (pod_template(w).get("metadata") or {}).get("labels") or {}) for w in workloads)
        results.append((f"Service/{svc['metadata']['name']}", None if matched else "selects no workload's pods"))
    return results


def main(paths):
    passed = failed = 0
    for path in paths:
        for subject, problem in check_file(path):
            if problem:
                failed += 1
                print(f"{path}: {subject}: {problem}")
            else:
                passed += 1
    print(f"manifests: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
