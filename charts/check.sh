#!/usr/bin/env bash
# Checks every Helm chart in charts/: dependency build, lint --strict, render, schema refusals,
# then a policy check of the rendered manifests (kube-linter, or a built-in fallback).
# Usage: bash charts/check.sh        Exits non-zero on the first failure.
# Works on a copy in a temp dir, so the repo never gets charts/*/charts/, Chart.lock or .tgz files.
set -euo pipefail

started=$SECONDS
charts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
library=onramp-lib
services=(gateway identity accounts invitations notifications import)
umbrella=onramp
kube_linter_module=golang.stackrox.io/kube-linter/cmd/kube-linter@v0.7.6
# Render against a current Kubernetes: this helm build defaults to 1.20, below the charts'
# kubeVersion (>=1.27), and lint reports deprecated APIs relative to this version.
kube_version="${KUBE_VERSION:-1.31.0}"

step() { printf '==> %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

gopath_bin() { command -v go >/dev/null && printf '%s/bin' "$(go env GOPATH)"; }

find_tool() { # name → path on PATH, in /root/go/bin or in GOPATH/bin
  local name=$1 dir
  if command -v "$name" >/dev/null; then command -v "$name"; return; fi
  for dir in /root/go/bin "$(gopath_bin || true)"; do
    if [[ -n "$dir" && -x "$dir/$name" ]]; then printf '%s/%s' "$dir" "$name"; return; fi
  done
  return 1
}

# Run a command quietly; on failure show its output and stop.
quiet() {
  local log
  log="$(mktemp -p "$work")"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    die "$*"
  fi
}

helm="$(find_tool helm)" || die "helm not found (PATH, /root/go/bin, GOPATH/bin); install it with: go install helm.sh/helm/v3/cmd/helm@v3.19.0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$charts_dir" "$work/charts"
# Keep helm away from $HOME and any repository index: only file:// dependencies are used.
export HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"
rendered="$work/rendered"
mkdir -p "$rendered"

step "helm: $("$helm" version --short 2>/dev/null || echo "$helm")"

# The schema is shared: one copy per chart because Helm reads it from the chart itself.
for service in "${services[@]}"; do
  cmp -s "$charts_dir/gateway/values.schema.json" "$charts_dir/$service/values.schema.json" \
    || die "charts/$service/values.schema.json differs from charts/gateway/values.schema.json"
done

step "lint $library (a library chart is not rendered on its own)"
quiet "$helm" lint --strict --kube-version "$kube_version" "$work/charts/$library"

# Order matters: each service chart packs the library, the umbrella packs the service charts.
for chart in "${services[@]}" "$umbrella"; do
  step "build, lint, render $chart"
  quiet "$helm" dependency build --skip-refresh "$work/charts/$chart"
  quiet "$helm" lint --strict --kube-version "$kube_version" "$work/charts/$chart"
  "$helm" template "$chart" "$work/charts/$chart" --kube-version "$kube_version" >"$rendered/$chart.yaml" \
    || die "helm template $chart"
done

# Values that must be refused, by the schema or by the library's own guards; the error must
# name the reason, so a chart broken in some other way does not count as a refusal.
expect_refused() {
  local reason=$1 chart=$2 output
  shift 2
  if output="$("$helm" template "$chart" "$work/charts/$chart" --kube-version "$kube_version" "$@" 2>&1)"; then
    die "$chart rendered with $* although it should be refused ($reason)"
  fi
  grep -qF -- "$reason" <<<"$output" || { printf '%s\n' "$output" >&2; die "$chart with $*: refused, but not for: $reason"; }
}
step "values that must be refused"
expect_refused "/replicaCount" identity --set replicaCount=0
expect_refused "/databaseSecret" identity --set databaseSecret=
expect_refused "/image/tag" accounts --set image.tag=latest
expect_refused "/env/NATS_URL" invitations --set env.NATS_URL=http://nats
expect_refused "additional properties 'replica'" import --set replica=2
expect_refused "pdb.minAvailable (1) must be below" notifications --set autoscaling.enabled=false --set replicaCount=1
expect_refused "/autoscaling/consumerLag/targetPerReplica" notifications --set autoscaling.consumerLag.enabled=true --set autoscaling.consumerLag.targetPerReplica=0

step "the HPA scales on consumer lag when asked to"
"$helm" template notifications "$work/charts/notifications" --kube-version "$kube_version" \
  --set autoscaling.consumerLag.enabled=true >"$work/lag.yaml" || die "helm template notifications with consumerLag"
grep -q "name: notifications_consumer_lag" "$work/lag.yaml" || die "the HPA does not name the lag metric"
grep -q "averageValue: \"100\"" "$work/lag.yaml" || die "the HPA does not aim at 100 messages per replica"
! grep -q "type: External" "$rendered/notifications.yaml" || die "the lag metric is rendered while disabled"

kube_linter="$(find_tool kube-linter || true)"
if [[ -z "$kube_linter" ]] && command -v go >/dev/null; then
  step "installing kube-linter ($kube_linter_module)"
  if timeout 300 go install "$kube_linter_module" 2>"$work/go-install.log"; then
    kube_linter="$(find_tool kube-linter || true)"
  else
    sed 's/^/    /' "$work/go-install.log" >&2
  fi
fi

if [[ -n "$kube_linter" ]]; then
  step "kube-linter ($kube_linter) on the rendered manifests"
  "$kube_linter" lint --config "$charts_dir/.kube-linter.yaml" "$rendered" || die "kube-linter"
else
  step "kube-linter unavailable: built-in manifest check instead"
  python3 -c 'import yaml' 2>/dev/null || die "the fallback needs PyYAML (apt-get install python3-yaml)"
  python3 "$charts_dir/check-manifests.py" "$rendered"/*.yaml || die "manifest check"
fi

step "all charts pass ($((SECONDS - started)) s)"
