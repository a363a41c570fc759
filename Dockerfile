# syntax=docker/dockerfile:1
# Node 22 LTS: the runtime CI also runs the test suite on (.ci/node22 pins the same version).
ARG NODE_IMAGE=node:22.23.3-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# Production refuses to start without API keys: set API_KEYS_FILE (or API_KEYS) and
# API_KEY_PEPPER, e.g. from mounted secrets (README, "API keys and security").
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY openapi.yaml ./
COPY rules ./rules
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Heap capped so RSS stays bounded; inside the cap, V8 may grow the heap to 3x what is live before a
# full collection (its default for a small cap is about 1.3x: a full collection every 0.6 s under
# signup load). Same flags as `npm start` (a test checks); README, "Hardening" and "Performance".
CMD ["node", "--disable-proto=delete", "--max-old-space-size=160", "--heap-growing-percent=200", "dist/server.js"]
