"""The in-process task registry: states, TTL, concurrency limit, cancellation, subscribers."""
