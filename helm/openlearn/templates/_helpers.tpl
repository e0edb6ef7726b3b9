{{/*
Names: every object is <release>-<workload>, so two releases can share a namespace. A long release name is cut so
the whole workload name stays and the result fits the 63 characters of a DNS label: names never collide.
*/}}
{{- define "openlearn.name" -}}
{{- $release := .root.Release.Name | trunc (int (sub 62 (len .name))) | trimSuffix "-" -}}
{{- printf "%s-%s" $release .name -}}
{{- end -}}

{{/* The URL of a service of the release inside the cluster: its Service name and port. */}}
{{- define "openlearn.serviceUrl" -}}
{{- printf "http://%s:%d" (include "openlearn.name" (dict "root" .root "name" .service.name)) (int .service.port) -}}
{{- end -}}

{{/*
The keys of the services one workload calls (values: upstreams, the gateway's routes, auth), as a YAML list under
"keys". NetworkPolicies and the workload's URLs both read this, so a call is allowed exactly when it is configured.
*/}}
{{- define "openlearn.calls" -}}
{{- $v := .root.Values -}}
{{- $keys := list -}}
{{- if not .root.Values.platform.authUrl -}}{{- $keys = append $keys "auth" -}}{{- end -}}
{{- range $config, $target := .workload.upstreams -}}
{{- $svc := index $v.services $target -}}
{{- if and $svc $svc.enabled -}}{{- $keys = append $keys $target -}}{{- end -}}
{{- end -}}
{{- if eq .workload.key "gateway" -}}
{{- range $key, $svc := $v.services -}}
{{- if and $svc.enabled $svc.route -}}{{- $keys = append $keys $key -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "keys" (uniq $keys)) -}}
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

{{/*
<registry>/<repositoryPrefix>/<service>:<tag>, pinned to its digest when image.digests names one. global.imageRegistry
(the convention of umbrella charts and mirrors) wins over image.registry.
*/}}
{{- define "openlearn.image" -}}
{{- $img := .root.Values.image -}}
{{- $registry := default $img.registry (dig "imageRegistry" "" (default dict .root.Values.global)) -}}
{{- $repo := printf "%s/%s" $img.repositoryPrefix .workload.service -}}
{{- if $registry }}{{ $repo = printf "%s/%s" $registry $repo }}{{ end -}}
{{- $ref := printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- with index (default dict $img.digests) .workload.service }}{{ $ref = printf "%s@%s" $ref . }}{{ end -}}
{{- $ref -}}
{{- end -}}

{{- define "openlearn.authUrl" -}}
{{- default (include "openlearn.serviceUrl" (dict "root" . "service" .Values.services.auth)) .Values.platform.authUrl -}}
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
      "outbox" (default false $svc.outbox) "mongodb" (default false $svc.mongodb) "s3" (default false $svc.s3)
      "upstreams" (default dict $svc.upstreams) -}}
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
      "database" $gw.database "outbox" true "mongodb" false "s3" true "upstreams" (default dict $gw.upstreams) -}}
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
