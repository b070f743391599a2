# syntax=docker/dockerfile:1
# Build: a static binary, no cgo (SQLite is modernc.org/sqlite, pure Go),
# and the runtime's whole file system laid out by container/rootfs.sh.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Keep this command identical to the one container/check.sh runs.
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/ninebridges ./cmd/ninebridges
RUN sh container/rootfs.sh /rootfs /out/ninebridges

# Run: nothing but the binary, CA certificates, a passwd entry and /data.
# No base image to pull; container/check.sh builds and runs this in CI.
FROM scratch
COPY --from=build /rootfs/ /
ENV NINEBRIDGES_DATA_DIR=/data \
    NINEBRIDGES_HTTP_ADDR=:8080 \
    NINEBRIDGES_LOG_FORMAT=json
USER 65532:65532
VOLUME ["/data"]
# The site, /healthz and /metrics; 8081 takes HTTP interactions under serve-http.
EXPOSE 8080 8081
# The binary asks its own /healthz: no shell or curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/usr/local/bin/ninebridges", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/ninebridges"]
