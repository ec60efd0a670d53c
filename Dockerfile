# syntax=docker/dockerfile:1
# The fact-sheet Q&A service as a container image.
#   docker build -t factsheet-qa .        (or: podman build -t factsheet-qa .)
#   docker compose up -d                  (see compose.yaml: ports, volumes, settings)
# Node 20 on Debian slim; native addons (better-sqlite3, hnswlib-node, nodejs-jieba) are compiled in
# the build stage, so the runtime stage carries no compiler. Runs as the non-root user "node".

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
# node-gyp's toolchain, for addons without a prebuilt binary for this platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Compile against the headers that ship with the image's Node (no download from nodejs.org).
# onnxruntime-node ships binaries for macOS and Windows too: 63 MB this image never loads.
RUN if [ -f /usr/local/include/node/node_version.h ]; then export npm_config_nodedir=/usr/local; fi \
 && npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/onnxruntime-node/bin/napi-v3/darwin node_modules/onnxruntime-node/bin/napi-v3/win32
COPY tsconfig.json ./
COPY src ./src
COPY lexicon ./lexicon
COPY prompts ./prompts
COPY exemplars ./exemplars
COPY public ./public
COPY corpus ./corpus
# The index (lexical) and the HK jieba dictionary are built now, so a container is ready within
# seconds. With a model in /models and EMBEDDING_MODEL set, the server sees the index is stale for
# that model and rebuilds it (hybrid) at start.
RUN EMBEDDING_MODEL=none npm run ingest

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    MODELS_DIR=/models \
    EMBEDDING_MODEL=none
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# Answer records and feedback (SQLite) live on a volume; models are mounted read-only.
RUN mkdir -p /data /models && chown node:node /data /models
USER node
VOLUME ["/data", "/models"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1: the service handles SIGTERM (drains in-flight requests, then exits).
CMD ["node", "--import", "tsx", "src/cli/serve.ts"]
