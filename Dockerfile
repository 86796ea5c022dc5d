FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY queries ./queries
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["mentorgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
