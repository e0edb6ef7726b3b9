{{/* A variable read from a Secret. */}}
{{- define "openlearn.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/*
The environment of one workload: only variables that map to configuration keys the service reads
(deploy/tests checks this against each service's application.properties and @ConfigMapping interfaces).
*/}}
{{- define "openlearn.env" -}}
{{- $root := .root -}}
{{- $w := .workload -}}
{{- $v := $root.Values -}}
- name: JAVA_OPTS_APPEND
  value: {{ $v.jvmOptions | quote }}
- name: QUARKUS_HTTP_PORT
  value: {{ $w.port | quote }}
- name: QUARKUS_LOG_CONSOLE_JSON_ENABLED
  value: {{ $v.logging.json | quote }}
{{- with $v.tracing.otlpEndpoint }}
- name: QUARKUS_OTEL_SDK_DISABLED
  value: "false"
- name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  value: {{ . | quote }}
- name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
  value: {{ $v.tracing.protocol | quote }}
- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
  value: {{ $v.tracing.samplerRatio | quote }}
{{- end }}
- name: QUARKUS_SHUTDOWN_TIMEOUT
  # in-flight requests (and the worker's deliveries) get this long after SIGTERM
  value: {{ printf "%ds" (int $v.shutdown.drainSeconds) | quote }}
- name: OPENLEARN_AUTH_URL
  value: {{ include "openlearn.authUrl" $root | quote }}
- name: OPENLEARN_JWT_ISSUER
  value: {{ default (include "openlearn.authUrl" $root) $v.platform.jwtIssuer | quote }}
- name: OPENLEARN_SERVICE_TOKEN_IDP_TOKEN_URL
  value: {{ printf "%s/protocol/openid-connect/token" (include "openlearn.keycloakInternalUrl" $root) | quote }}
- name: OPENLEARN_SERVICE_TOKEN_CLIENT_ID
  value: {{ $w.service | quote }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_SERVICE_TOKEN_CLIENT_SECRET" "secret" $v.serviceClients.existingSecret "key" $w.service) }}
{{- if $w.database }}
{{- $db := required (printf "postgresql.databases.%s is not defined" $w.database) (index $v.postgresql.databases $w.database) }}
- name: OPENLEARN_DB_HOST
  value: {{ $v.postgresql.host | quote }}
- name: OPENLEARN_DB_PORT
  value: {{ $v.postgresql.port | quote }}
- name: OPENLEARN_DB_USER
  value: {{ $db.user | quote }}
{{ include "openlearn.secretEnv" (dict "name" "QUARKUS_DATASOURCE_PASSWORD" "secret" $db.existingSecret "key" $db.passwordKey) }}
- name: OPENLEARN_DB_SSL_MODE
  value: {{ $v.postgresql.tls.mode | quote }}
{{- if $v.postgresql.tls.caSecret }}
- name: OPENLEARN_DB_SSL_ROOT_CERT
  value: /etc/openlearn/tls/postgresql/ca.crt
{{- end }}
{{- end }}
{{- if or $w.outbox $w.queue }}
- name: OPENLEARN_RABBITMQ_HOST
  value: {{ $v.rabbitmq.host | quote }}
- name: OPENLEARN_RABBITMQ_PORT
  value: {{ $v.rabbitmq.port | quote }}
- name: OPENLEARN_RABBITMQ_VIRTUAL_HOST
  value: {{ $v.rabbitmq.virtualHost | quote }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_RABBITMQ_USERNAME" "secret" $v.rabbitmq.existingSecret "key" $v.rabbitmq.usernameKey) }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_RABBITMQ_PASSWORD" "secret" $v.rabbitmq.existingSecret "key" $v.rabbitmq.passwordKey) }}
{{- if $v.rabbitmq.tls.enabled }}
- name: OPENLEARN_RABBITMQ_TLS_ENABLED
  value: "true"
{{- with $v.rabbitmq.tls.trustStoreSecret }}
- name: OPENLEARN_RABBITMQ_TLS_TRUST_STORE_PATH
  value: /etc/openlearn/tls/rabbitmq/truststore.p12
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_RABBITMQ_TLS_TRUST_STORE_PASSWORD" "secret" . "key" "password") }}
{{- end }}
{{- end }}
{{- end }}
{{- if $w.queue }}
- name: GRADES_WORKER_RABBITMQ_DELIVERY_LIMIT
  value: {{ $v.gradesWorker.deliveryLimit | quote }}
{{- end }}
{{- if $w.mongodb }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_MONGO_URL" "secret" $v.mongodb.existingSecret "key" $v.mongodb.urlKey) }}
{{- end }}
{{- if and $w.s3 (eq $w.key "contentRepository") }}
{{- if $v.s3.endpoint }}
- name: CONTENT_S3_ENDPOINT
  value: {{ $v.s3.endpoint | quote }}
{{- end }}
- name: CONTENT_S3_REGION
  value: {{ $v.s3.region | quote }}
- name: CONTENT_S3_BUCKET
  value: {{ $v.s3.bucket | quote }}
- name: CONTENT_S3_PATH_STYLE
  # MinIO and most S3-compatible stores behind an endpoint need path-style addressing
  value: {{ or $v.s3.pathStyle (ne (toString $v.s3.endpoint) "") | quote }}
{{ include "openlearn.secretEnv" (dict "name" "CONTENT_S3_ACCESS_KEY_ID" "secret" $v.s3.existingSecret "key" $v.s3.accessKeyKey) }}
{{ include "openlearn.secretEnv" (dict "name" "CONTENT_S3_SECRET_ACCESS_KEY" "secret" $v.s3.existingSecret "key" $v.s3.secretKeyKey) }}
{{- end }}
{{- if and $w.s3 (or (eq $w.key "grades") (eq $w.key "gradesWorker")) }}
{{- if $v.s3.endpoint }}
- name: OPENLEARN_GRADING_REPORTS_S3_ENDPOINT
  value: {{ $v.s3.endpoint | quote }}
{{- end }}
- name: OPENLEARN_GRADING_REPORTS_S3_REGION
  value: {{ $v.s3.region | quote }}
- name: OPENLEARN_GRADING_REPORTS_S3_BUCKET
  value: {{ $v.s3.reportsBucket | quote }}
- name: OPENLEARN_GRADING_REPORTS_S3_PATH_STYLE
  value: {{ or $v.s3.pathStyle (ne (toString $v.s3.endpoint) "") | quote }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_GRADING_REPORTS_S3_ACCESS_KEY_ID" "secret" $v.s3.existingSecret "key" $v.s3.accessKeyKey) }}
{{ include "openlearn.secretEnv" (dict "name" "OPENLEARN_GRADING_REPORTS_S3_SECRET_ACCESS_KEY" "secret" $v.s3.existingSecret "key" $v.s3.secretKeyKey) }}
{{- end }}
{{- if eq $w.key "gradesWorker" }}
- name: GRADES_WORKER_CONSUME
  # one Deployment per queue, each scaled on its own backlog
  value: {{ $w.consumer | quote }}
{{- end }}
{{- if eq $w.key "auth" }}
- name: AUTH_TRUSTED_ISSUERS_OPENEDX_ISSUER
  value: {{ $v.keycloak.realmUrl | quote }}
- name: AUTH_TRUSTED_ISSUERS_OPENEDX_JWKS_URL
  value: {{ printf "%s/protocol/openid-connect/certs" (include "openlearn.keycloakInternalUrl" $root) | quote }}
{{ include "openlearn.secretEnv" (dict "name" "AUTH_KEYS_ENCRYPTION_KEY" "secret" $v.authKeys.existingSecret "key" $v.authKeys.encryptionKeyKey) }}
{{- end }}
{{- range $config, $target := $w.upstreams }}
{{- $svc := required (printf "upstream %s of %s: services.%s is not defined" $config $w.name $target) (index $v.services $target) }}
{{- if $svc.enabled }}
- name: {{ $config | replace "." "_" | replace "-" "_" | upper }}
  value: {{ include "openlearn.serviceUrl" (dict "root" $root "service" $svc) | quote }}
{{- end }}
{{- end }}
{{- if eq $w.key "gateway" }}
- name: GATEWAY_EXCHANGE_IDP_ISSUERS
  value: {{ $v.keycloak.realmUrl | quote }}
{{- with $v.rateLimits.redis.existingSecret }}
{{ include "openlearn.secretEnv" (dict "name" "GATEWAY_RATE_LIMIT_REDIS_URL" "secret" . "key" $v.rateLimits.redis.urlKey) }}
{{- end }}
{{- if $w.managementPort }}
- name: GATEWAY_MANAGEMENT_PORT
  value: {{ $w.managementPort | quote }}
{{- end }}
{{- if and $v.ingress.enabled $v.ingress.trustedProxies }}
- name: GATEWAY_TRUSTED_PROXIES
  # the Ingress controller appends the client's address to X-Forwarded-For
  value: {{ join "," $v.ingress.trustedProxies | quote }}
{{- end }}
{{- range $key, $svc := $v.services }}
{{- if and $svc.enabled $svc.route }}
- name: {{ printf "GATEWAY_UPSTREAM_%s" (upper $svc.route) }}
  value: {{ include "openlearn.serviceUrl" (dict "root" $root "service" $svc) | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- range $name, $value := $w.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- range $name, $ref := $w.secretEnv }}
{{ include "openlearn.secretEnv" (dict "name" $name "secret" $ref.secret "key" $ref.key) }}
{{- end }}
{{- end -}}
