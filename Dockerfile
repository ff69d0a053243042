# The bot as one container: `docker compose up` runs it with PostgreSQL (compose.yaml); alone it keeps
# SQLite in /data.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# Build the search index now, so a container starts answering at once.
RUN npm run --silent index
VOLUME /data
CMD ["npm", "start"]
