"""GraphiQL served from this package's own files, so it works air-gapped and under a strict
Content-Security-Policy."""
