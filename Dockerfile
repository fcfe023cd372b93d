# kb: load the seed articles and serve GraphQL on :8000.
FROM python:3.11-slim AS build
WORKDIR /app
COPY pyproject.toml README.md ./
COPY kb ./kb
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    KB_DATABASE_URL=sqlite:////data/kb.db \
    KB_MIGRATIONS_DIR=/app/migrations
COPY --from=build /install /usr/local
WORKDIR /app
COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
RUN useradd --create-home --uid 10001 kb && mkdir /data && chown kb /data
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"]
CMD ["sh", "-c", "kb db upgrade && kb load --quiet seeds/ && exec kb serve --host 0.0.0.0 --port 8000"]
