{{/*
Naming and labels shared by every Onramp service chart.
The service's code lives at services/<chart name>/ in the image, so .Chart.Name is also the path.
*/}}

{{- define "onramp-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* <release>-<name>, or just <release> when it already contains the name (helm install identity ./identity). */}}
{{- define "onramp-lib.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "onramp-lib.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "onramp-lib.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "onramp-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: onramp
{{- end }}

{{/* Matches every pod of the release: the server and the migration Job (used by the NetworkPolicy). */}}
{{- define "onramp-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "onramp-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Matches only the long-running server pods, so the Service never routes to a migration pod. */}}
{{- define "onramp-lib.serverSelectorLabels" -}}
{{ include "onramp-lib.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "onramp-lib.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}

{{/* env.PORT is the one source for the container, Service and NetworkPolicy port. */}}
{{- define "onramp-lib.port" -}}
{{ required "env.PORT is required" .Values.env.PORT | int }}
{{- end }}

{{/* Secrets are created outside the chart (by the operator or an external-secrets tool). */}}
{{- define "onramp-lib.secretEnvFrom" -}}
{{- with .Values.databaseSecret }}
- secretRef:
    name: {{ . }}
{{- end }}
{{- range .Values.extraSecrets }}
- secretRef:
    name: {{ . }}
{{- end }}
{{- end }}

{{/* Fixed on purpose: every Onramp pod runs as the image's unprivileged user. Not a value to turn off. */}}
{{- define "onramp-lib.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "onramp-lib.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The root filesystem is read-only; Node and Prisma still want a writable /tmp. */}}
{{- define "onramp-lib.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "onramp-lib.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- end }}
