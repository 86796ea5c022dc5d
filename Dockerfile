FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY queries ./queries
RUN pip install --no-cache-dir .
EXPOSE 8000
# The API refuses to start without MENTORGRAPH_JWT_SECRET (at least 32 bytes), given at
# run time: `docker run -e MENTORGRAPH_JWT_SECRET=...`. Development mode is never on here.
ENV MENTORGRAPH_DEV_MODE=false
CMD ["mentorgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
