{{/* Non-secret configuration only; DATABASE_URL and other credentials come from Secrets. */}}
{{- define "onramp-lib.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.env }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end }}
