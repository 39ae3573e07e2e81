__version__ = "3.3.0"
__version_info__ = tuple(map(int, __version__.split(".")))
