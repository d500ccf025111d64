{{/* Everything a service chart deploys; a service chart's only template includes this. */}}
{{- define "onramp-lib.all" -}}
{{- range $name := list "configmap" "service" "deployment" "migrationJob" "hpa" "pdb" "networkpolicy" }}
{{- $doc := include (printf "onramp-lib.%s" $name) $ | trim }}
{{- if $doc }}
---
{{ $doc }}
{{- end }}
{{- end }}
{{- end }}
