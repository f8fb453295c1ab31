# Netzwerkatlas container image.
#
#   docker build -t netzwerkatlas --build-arg VERSION="$(git describe --tags --always --dirty)" .
#   docker run -p 8080:8080 -v netzwerkatlas-data:/data netzwerkatlas
#
# Stages:
#   frontend  the web app, built by Vite into frontend/dist
#   build     the static Go binary that embeds it
#   test      the Neo4j conformance suite (docker-compose.yml's "test" profile runs it)
#   runtime   the image to run, non-root; last, so that a plain `docker build` produces it
#
# The build context is the repository root; .dockerignore keeps node_modules, data folders,
# build output and .git out of it (hence VERSION is a build argument, not `git describe`).

ARG NODE_VERSION=20
# The official golang images set GOTOOLCHAIN=local, so this must be at least the go line of
# go.mod (1.26.8): the 1.26 tag always is the newest 1.26 patch release.
ARG GO_VERSION=1.26

# ---------------------------------------------------------------------------- frontend
FROM node:${NODE_VERSION}-bookworm-slim AS frontend
WORKDIR /src/frontend
# The manifests first: the npm ci layer is reused until they change.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---------------------------------------------------------------------------- build
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# The module list first: the download layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=frontend /src/frontend/dist ./frontend/dist
# Declared after the copies so that a new version does not invalidate the layers above.
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
        -o /out/netzwerkatlas ./cmd/netzwerkatlas \
    && /out/netzwerkatlas version

# ---------------------------------------------------------------------------- test
# The Neo4j store's conformance suite, run against the database in NEO4J_URI (with
# NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). It WIPES that database: point it only at a
# throw-away Neo4j, like the neo4j-test service of docker-compose.yml.
FROM build AS test
# Compile the test now (running no test), so that the container starts testing at once.
RUN go test -count=1 -run '^$' ./graph/neo4j/
# Fail, never skip, when NEO4J_URI is missing.
ENV NETZWERKATLAS_TEST_NEO4J=1
CMD ["go", "test", "./graph/neo4j/", "-run", "TestConformance", "-count=1", "-v"]

# ---------------------------------------------------------------------------- runtime
# Why debian-slim and not distroless: a container healthcheck must run a program inside the
# container, and distroless/static has neither a shell nor curl/wget, while the binary has no
# health-probe command of its own. debian:bookworm-slim plus curl (about 30 MB more) gives
# HEALTHCHECK and the compose healthcheck something to run, a shell for `docker exec`, and
# ca-certificates for neo4j+s:// (TLS) connections. The binary itself is static either way.
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 netzwerkatlas \
    && useradd --system --uid 10001 --gid netzwerkatlas --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin netzwerkatlas \
    && mkdir /data \
    && chown netzwerkatlas:netzwerkatlas /data
COPY --from=build /out/netzwerkatlas /usr/local/bin/netzwerkatlas
# /data holds the embedded store (one bbolt file). A new named volume takes over the owner
# set above; a bind-mounted folder must be writable by uid 10001.
ENV NETZWERKATLAS_DATA=/data \
    NETZWERKATLAS_LOG_FORMAT=json
VOLUME /data
WORKDIR /data
# Numeric, so that orchestrators can verify the user is not root (runAsNonRoot).
USER 10001:10001
EXPOSE 8080
# Liveness (/healthz), not readiness: an orchestrator that restarts unhealthy containers must
# not restart the service only because its store is briefly unreachable (/readyz answers 503
# then, and docker-compose.yml checks /readyz). The port follows NETZWERKATLAS_ADDR.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD addr="${NETZWERKATLAS_ADDR:-:8080}"; curl -fsS -o /dev/null "http://127.0.0.1:${addr##*:}/healthz" || exit 1
# SIGTERM (docker stop) shuts down gracefully: in-flight requests get 15 s to finish.
# Other commands run as `docker run IMAGE seed …` or `docker run IMAGE version`.
ENTRYPOINT ["netzwerkatlas"]
CMD ["serve"]
