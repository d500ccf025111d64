{{/*
Ingress only on the service port, from anywhere in the cluster; the migration pods are selected
too and so accept nothing. Egress stays open: services reach Postgres, NATS and mail providers.
*/}}
{{- define "onramp-lib.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "onramp-lib.selectorLabels" . | nindent 6 }}
  policyTypes: ["Ingress"]
  ingress:
    - ports:
        - port: {{ include "onramp-lib.port" . }}
          protocol: TCP
{{- end }}
{{- end }}
