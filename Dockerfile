# syntax=docker/dockerfile:1
# Build: a static binary, no cgo (SQLite is modernc.org/sqlite, pure Go).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Keep this command identical to the one .ci/run compiles.
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/ninebridges ./cmd/ninebridges
# /data must belong to the non-root user: Docker creates a fresh named
# volume from the image's mount point, and a root-owned one leaves SQLite
# unable to create its file.
RUN mkdir -p /seed/data && chown 65532:65532 /seed/data

# Run: distroless static has CA certificates and a non-root user, nothing else.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ninebridges /usr/local/bin/ninebridges
COPY --from=build --chown=65532:65532 /seed/ /
ENV NINEBRIDGES_DATA_DIR=/data \
    NINEBRIDGES_HTTP_ADDR=:8080 \
    NINEBRIDGES_LOG_FORMAT=json
VOLUME ["/data"]
# /healthz and /metrics
EXPOSE 8080
USER nonroot:nonroot
# The binary asks its own /healthz: no shell or curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/usr/local/bin/ninebridges", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/ninebridges"]
