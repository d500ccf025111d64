{{- define "onramp-lib.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "onramp-lib.fullname" . }}
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
    app.kubernetes.io/component: server
spec:
  {{- /* With an HPA the replica count is the HPA's: setting it here would reset it on every upgrade. */}}
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "onramp-lib.serverSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "onramp-lib.labels" . | nindent 8 }}
        app.kubernetes.io/component: server
      annotations:
        # Roll the pods when the ConfigMap changes; envFrom is read only at container start.
        checksum/config: {{ include "onramp-lib.configmap" . | sha256sum }}
    spec:
      automountServiceAccountToken: false
      # The service drains NATS and finishes in-flight work on SIGTERM within this window.
      terminationGracePeriodSeconds: 30
      securityContext:
        {{- include "onramp-lib.podSecurityContext" . | nindent 8 }}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "onramp-lib.serverSelectorLabels" . | nindent 20 }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "onramp-lib.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          # The image holds the whole built monorepo; the path picks the service.
          command: ["node", "services/{{ .Chart.Name }}/dist/main.js"]
          ports:
            - name: http
              containerPort: {{ include "onramp-lib.port" . }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "onramp-lib.fullname" . }}
            {{- with include "onramp-lib.secretEnvFrom" . | trim }}{{ . | nindent 12 }}{{ end }}
          # Liveness checks the process only; readiness checks its dependencies (database, NATS).
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            periodSeconds: 5
            # The service gives each dependency probe 2 s.
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- include "onramp-lib.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "onramp-lib.tmpVolumeMount" . | nindent 12 }}
      volumes:
        {{- include "onramp-lib.tmpVolume" . | nindent 8 }}
{{- end }}
