# syntax=docker/dockerfile:1

FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM node:22-slim AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Compiles the backend and the admin dashboard into .medusa/server,
# which carries its own package.json and package-lock.json.
RUN NODE_ENV=production npx medusa build

FROM node:22-slim AS runtime
ENV NODE_ENV=production PORT=3001
WORKDIR /app
COPY --from=build --chown=node:node /app/.medusa/server ./
COPY --chown=node:node docker/entrypoint.sh /usr/local/bin/entrypoint.sh
# static/ holds local file uploads; created here so a named volume mounted on it is owned by node.
RUN mkdir -p static && chown node:node /app static \
    && chmod 755 /usr/local/bin/entrypoint.sh
USER node
RUN npm ci --omit=dev && npm cache clean --force
EXPOSE 3001
CMD ["/usr/local/bin/entrypoint.sh"]
