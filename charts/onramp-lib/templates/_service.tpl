{{- define "onramp-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "onramp-lib.serverSelectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ include "onramp-lib.port" . }}
      targetPort: http
      protocol: TCP
{{- end }}
