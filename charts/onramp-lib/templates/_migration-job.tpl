{{/*
Runs the service's migrations before install and before every upgrade, so new pods never
start against an old schema. A failed Job fails the helm install/upgrade.
*/}}
{{- define "onramp-lib.migrationJob" -}}
{{- if .Values.migrations.enabled }}
{{- $_ := required "databaseSecret is required when migrations.enabled is true" .Values.databaseSecret }}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "onramp-lib.fullname" . | trunc 55 | trimSuffix "-" }}-migrate
  labels:
    {{- include "onramp-lib.labels" . | nindent 4 }}
    app.kubernetes.io/component: migrations
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
    # A one-shot Job serves nothing, so there is nothing to probe.
    ignore-check.kube-linter.io/no-liveness-probe: "one-shot migration Job"
    ignore-check.kube-linter.io/no-readiness-probe: "one-shot migration Job"
spec:
  backoffLimit: {{ .Values.migrations.backoffLimit }}
  activeDeadlineSeconds: {{ .Values.migrations.activeDeadlineSeconds }}
  # A failed Job is kept a day for its logs; a succeeded one is deleted by the hook policy.
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        {{- include "onramp-lib.labels" . | nindent 8 }}
        app.kubernetes.io/component: migrations
    spec:
      restartPolicy: Never
      automountServiceAccountToken: false
      securityContext:
        {{- include "onramp-lib.podSecurityContext" . | nindent 8 }}
      containers:
        - name: migrate
          image: {{ include "onramp-lib.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command: ["node", "services/{{ .Chart.Name }}/dist/migrate.js"]
          # Inline, not the ConfigMap: a pre-install hook runs before the release's ConfigMap exists.
          env:
            {{- range $key, $value := .Values.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
          envFrom:
            {{- with include "onramp-lib.secretEnvFrom" . | trim }}{{ . | nindent 12 }}{{ end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- include "onramp-lib.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "onramp-lib.tmpVolumeMount" . | nindent 12 }}
      volumes:
        {{- include "onramp-lib.tmpVolume" . | nindent 8 }}
{{- end }}
{{- end }}
