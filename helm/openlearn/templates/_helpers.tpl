{{/* Names: every object is <release>-<workload>, so two releases can share a namespace. */}}
{{- define "openlearn.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "openlearn.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .workload.name }}
{{- end -}}

{{- define "openlearn.labels" -}}
{{ include "openlearn.selectorLabels" . }}
app.kubernetes.io/part-of: openlearn
app.kubernetes.io/component: {{ .workload.service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels of objects that belong to the release rather than to one workload. */}}
{{- define "openlearn.releaseLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: openlearn
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "openlearn.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (printf "%s-openlearn" .Release.Name) .Values.serviceAccount.name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "openlearn.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.repositoryPrefix .workload.service -}}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $repo }}{{ end -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{- define "openlearn.authUrl" -}}
{{- default (printf "http://%s:%d" (include "openlearn.name" (dict "root" . "name" .Values.services.auth.name)) (int .Values.services.auth.port)) .Values.platform.authUrl -}}
{{- end -}}

{{- define "openlearn.keycloakInternalUrl" -}}
{{- default .Values.keycloak.realmUrl .Values.keycloak.internalRealmUrl -}}
{{- end -}}

{{/*
The workloads the chart runs, one entry per Deployment: the services from .Values.services and the grades
worker twice (STREAM and BATCH). Every other template ranges over this list, so a service is described once.
*/}}
{{- define "openlearn.workloads" -}}
{{- $root := . -}}
{{- $workloads := list -}}
{{- range $key, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $probes := mustMergeOverwrite (deepCopy $root.Values.probes) (default dict $svc.probes) -}}
{{- $w := dict "key" $key "name" $svc.name "service" $svc.name "port" $svc.port "api" true
      "managementPort" (default 0 $svc.managementPort)
      "replicas" $svc.replicas "resources" $svc.resources "autoscaling" $svc.autoscaling "pdb" $svc.pdb
      "probes" $probes "env" $svc.env "secretEnv" $svc.secretEnv "database" (default "" $svc.database)
      "outbox" (default false $svc.outbox) "mongodb" (default false $svc.mongodb) "s3" (default false $svc.s3) -}}
{{- $workloads = append $workloads $w -}}
{{- end -}}
{{- end -}}
{{- $gw := .Values.gradesWorker -}}
{{- if $gw.enabled -}}
{{- $probes := mustMergeOverwrite (deepCopy $root.Values.probes) (default dict $gw.probes) -}}
{{- range $consumer := list "stream" "batch" -}}
{{- $c := index $gw $consumer -}}
{{- $w := dict "key" "gradesWorker" "name" (printf "%s-%s" $gw.name $consumer) "service" $gw.name "port" $gw.port
      "api" false "consumer" $consumer "queue" $c.queue "replicas" $c.replicas "resources" $c.resources
      "autoscaling" (merge (dict "enabled" true) $c.autoscaling) "pdb" $gw.pdb "probes" $probes
      "env" (merge (default dict $c.env) (default dict $gw.env)) "secretEnv" (merge (default dict $c.secretEnv) (default dict $gw.secretEnv))
      "database" $gw.database "outbox" true "mongodb" false "s3" true -}}
{{- $workloads = append $workloads $w -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "workloads" $workloads) -}}
{{- end -}}

{{/* KEDA scales the worker when asked to, or when the cluster serves its API and nobody said otherwise. */}}
{{- define "openlearn.kedaEnabled" -}}
{{- $mode := .Values.gradesWorker.autoscalingMode -}}
{{- if or (eq $mode "keda") (and (eq $mode "auto") (.Capabilities.APIVersions.Has "keda.sh/v1alpha1")) -}}
true
{{- end -}}
{{- end -}}
