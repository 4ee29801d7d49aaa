# syntax=docker/dockerfile:1
# The whole app (API + web) in one image, run by docker-compose.yml behind Caddy. Build: docker build -t verbund .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/web-e2e/package.json apps/web-e2e/
COPY libs/shared/package.json libs/shared/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p @verbund/api @verbund/web --output-style=static \
 && find apps/web/dist -name '*.map' -delete

# Exactly what the lockfile says the API and the shared library need at run time: no web app, embedded
# PostgreSQL or test tools. Versions nested under apps/api stay there, as in the tests. Without
# --legacy-peer-deps npm would add @prisma/client's optional partner, the Prisma CLI with its Studio (React and
# 250 MB); the runtime needs only the client.
FROM node:22-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/web-e2e/package.json apps/web-e2e/
COPY libs/shared/package.json libs/shared/
RUN npm ci --omit=dev --legacy-peer-deps --workspace @verbund/api --workspace @verbund/shared --no-audit --no-fund \
 && mkdir -p apps/api/node_modules

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 VERBUND_FILES_DIR=/var/lib/verbund/files
WORKDIR /app
COPY --from=runtime-deps /app/node_modules node_modules
COPY --from=runtime-deps /app/apps/api/node_modules apps/api/node_modules
COPY package.json ./
COPY libs/shared/package.json libs/shared/
COPY --from=build /app/libs/shared/dist libs/shared/dist
COPY apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY prisma/migrations prisma/migrations
COPY data/municipalities data/municipalities
# Uploads are staged and (without S3) kept here: writable by the app, a volume shared by the replicas.
RUN mkdir -p /var/lib/verbund/files && chown -R node:node /var/lib/verbund
VOLUME /var/lib/verbund/files
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# A young generation of 32 MB: fewer scavenges under load (ADR 0023).
CMD ["node", "--max-semi-space-size=32", "apps/api/dist/main.js"]
