"""The HTTP API of the reference backend: the only package that knows aiohttp.web."""
