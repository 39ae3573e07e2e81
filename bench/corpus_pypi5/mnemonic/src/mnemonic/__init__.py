from .mnemonic import Mnemonic

__all__ = ["Mnemonic"]
