
from .lex import *
from .yacc import *

__version__ = "0.5"
__all__ = [ *lex.__all__, *yacc.__all__ ]
