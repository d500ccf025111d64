{{- define "onramp-lib.pdb" -}}
{{- if .Values.pdb.enabled }}
{{- /* A PDB that needs every replica up blocks node drains forever: refuse to render it. */}}
{{- $floor := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled | int }}
{{- if ge (int .Values.pdb.minAvailable) $floor }}
{{- fail (printf "pdb.minAvailable (%v) must be below the minimum replica count (%v), or no pod can ever be evicted" .Values.pdb.minAvailable $floor) }}
{{- end }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
spec:
  minAvailable: {{ .Values.pdb.minAvailable }}
  # Pods that are not Ready protect nothing: let a drain evict them instead of blocking on them.
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "onramp-lib.serverSelectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}
