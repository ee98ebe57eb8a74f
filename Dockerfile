# syntax=docker/dockerfile:1

# The workspace is installed whole (app, packages/*, plugins/*): plugins build before the app.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY plugins ./plugins
RUN npm ci
COPY . .
# Packages (tsc) and plugins (medusa plugin:build), then the backend and the admin dashboard
# into .medusa/server, which carries its own package.json.
RUN node scripts/build-workspace.js && NODE_ENV=production npx medusa build

FROM node:24-slim AS runtime
ENV NODE_ENV=production PORT=3001
WORKDIR /app
# Production dependencies of the workspace, with packages/* and plugins/* (their builds only
# are loaded) linked into node_modules as npm does for workspaces.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/packages ./packages
COPY --from=build /app/plugins ./plugins
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/.medusa/server ./server
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
# server/static holds local file uploads; created here so a named volume mounted on it is owned by node.
RUN mkdir -p server/static && chown -R node:node /app/server \
    && chmod 755 /usr/local/bin/entrypoint.sh
USER node
WORKDIR /app/server
EXPOSE 3001
CMD ["/usr/local/bin/entrypoint.sh"]
