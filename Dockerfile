# One image for both processes: `api` (default) and `worker` (command override in docker-compose.yml).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/data ./data
COPY --from=build /app/apps/api/public ./apps/api/public
USER node
EXPOSE 3000
# The V8 flag as in package.json's "start" (README, "Memory").
CMD ["node", "--max-semi-space-size=4", "dist/apps/api/src/main.js"]
