# syntax=docker/dockerfile:1
# Build: a static binary, no cgo (SQLite is modernc.org/sqlite, pure Go).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Keep this command identical to the one .ci/run compiles.
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/ninebridges ./cmd/ninebridges

# Run: distroless static has CA certificates and a non-root user, nothing else.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ninebridges /usr/local/bin/ninebridges
ENV NINEBRIDGES_DATA_DIR=/data
VOLUME ["/data"]
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/ninebridges"]
