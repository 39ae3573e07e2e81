from .sqids import Sqids

__all__ = ["Sqids"]
