# Multi-stage image. The build stage runs the same install step as the README (`make install`);
# the runtime stage copies the result and runs as a non-root user.
FROM python:3.11-slim AS build
# gcc: pip compiles the matcher with mypyc (setup.py); the runtime stage needs no compiler.
RUN apt-get update && apt-get install -y --no-install-recommends make gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml setup.py README.md Makefile alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY data ./data
RUN make install

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 triggermap
WORKDIR /app
COPY --from=build --chown=triggermap:triggermap /app /app
USER triggermap
ENV PATH="/app/.venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    TRIGGERMAP_DATABASE_URL="sqlite:////app/var/triggermap.db"
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# Migrate and seed (both idempotent), then serve. Set TRIGGERMAP_DATABASE_URL for PostgreSQL.
CMD ["sh", "-c", "triggermap migrate && triggermap seed && exec triggermap serve --host 0.0.0.0 --port 8000"]
