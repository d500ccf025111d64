{{- define "onramp-lib.hpa" -}}
{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "onramp-lib.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
    {{- with .Values.autoscaling.consumerLag }}
    {{- if .enabled }}
    # Served by prometheus-adapter's external metrics API (see the chart README).
    - type: External
      external:
        metric:
          name: {{ .metricName }}
        target:
          type: AverageValue
          averageValue: {{ .targetPerReplica | quote }}
    {{- end }}
    {{- end }}
{{- end }}
{{- end }}
