"""Options are the ultimate means of configuration inside a configuration file.

They are always associated with a :attr:`~Option.key` (or the name of the configuration
parameter) and a :attr:`~Option.value`.

Options can also have multi-line values that are usually interpreted as a list of
values.

When editing configuration files with ConfigUpdater, a handy way of setting a multi-line
(or comma-separated) value for a specific option is to use the
:meth:`~Option.set_values` method.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self, cast

if TYPE_CHECKING:
    from .document import Document
    from .section import Section

from .block import AssignMultilineValueError, Block


def is_multi_line(value: Any) -> bool:
    """Checks if a given value has multiple lines"""
    if isinstance(value, str):
        return "\n" in value
    else:
        return False


class NoneValueDisallowed(SyntaxWarning):
    """Warns that an option without a value is omitted from the output.

    This happens when such an option is converted to a string while the
    :class:`~configupdater.ConfigUpdater` does not use ``allow_no_value=True``.
    """

    @classmethod
    def warn(cls, option: str) -> None:
        msg = (
            f"Cannot represent <{option} = None>, the option is omitted. "
            "Please use ``allow_no_value=True`` with ``ConfigUpdater``."
        )
        warnings.warn(msg, cls, stacklevel=2)


class Option(Block):
    """Option block holding a key/value pair.

    ``space_around_delimiters`` decides whether the delimiter is surrounded by spaces
    when the option is rendered after a change. ``True`` and ``False`` take precedence
    over the syntax options of the :class:`~configupdater.ConfigUpdater` holding the
    option. ``None`` (the default) follows its ``space_around_delimiters`` and adds
    spaces if the option does not belong to a :class:`~configupdater.ConfigUpdater`.
    """

    def __init__(
        self,
        key: str,
        value: str | None = None,
        container: Section | None = None,
        delimiter: str = "=",
        space_around_delimiters: bool | None = None,
        line: str | None = None,
    ):
        super().__init__(container=container)
        self._key = key
        self._values: list[str | None] = [] if value is None else [value]
        self._value_is_none = value is None
        self._delimiter = delimiter
        self._value: str | None = None  # will be filled after join_multiline_value
        self._updated = False
        self._multiline_value_joined = False
        self._space_around_delimiters = space_around_delimiters
        if line:
            super().add_line(line)
        if value is not None:
            self._set_value(value)

    def add_value(self, value: str | None) -> None:
        """PRIVATE: this function is not part of the public API of Option.
        It is only used internally by other classes of the package during parsing.
        """
        self._value_is_none = value is None
        self._values.append(value)

    def add_line(self, line: str) -> Self:
        """PRIVATE: this function is not part of the public API of Option.
        It is only used internally by other classes of the package during parsing.
        """
        super().add_line(line)
        self.add_value(line.strip())
        return self

    def _join_multiline_value(self) -> None:
        if not self._multiline_value_joined and not self._value_is_none:
            # do what `_join_multiline_value` in ConfigParser would do
            self._value = "\n".join(cast(list[str], self._values)).rstrip()
            self._multiline_value_joined = True

    def _get_delim(self, determine_suffix: bool = True) -> str:
        document = self._document()
        opts = getattr(document, "syntax_options", None) or {}
        value = self._value
        space = self._space_around_delimiters
        if space is None:
            space = opts.get("space_around_delimiters", True)
        # no space is needed if we use multi-line arguments
        suffix = "" if determine_suffix and str(value).startswith("\n") else " "
        delim = f" {self._delimiter}{suffix}" if space else self._delimiter
        return delim

    def value_start_idx(self) -> int:
        """Index where the value of the option starts, good for indentation"""
        delim = self._get_delim(determine_suffix=False)
        return len(f"{self._key}{delim}")

    def __str__(self) -> str:
        if not self.updated:
            return super().__str__()

        document = self._document()
        opts = getattr(document, "syntax_options", None) or {}
        value = self._value

        if value is None:
            if document is None or opts.get("allow_no_value"):
                return f"{self._key}\n"
            NoneValueDisallowed.warn(self._key)
            return ""

        delim = self._get_delim()
        return f"{self._key}{delim}{value}\n"

    def __repr__(self) -> str:
        return f"<Option: {self._key} = {self.value!r}>"

    def _instantiate_copy(self) -> Self:
        """Will be called by :meth:`Block.__deepcopy__`"""
        self._join_multiline_value()
        return self.__class__(
            self._key,
            self._value,
            container=None,
            delimiter=self._delimiter,
            space_around_delimiters=self._space_around_delimiters,
        )

    def _document(self) -> Document | None:
        if self._container is None:
            return None
        return cast("Section", self._container)._container

    @property
    def section(self) -> Section:
        return cast("Section", self.container)

    @property
    def key(self) -> str:
        """Key string associated with the option.

        Please notice that the option key is normalized with
        :meth:`~configupdater.document.Document.optionxform`.

        When the option object is :obj:`detached <configupdater.block.Block.detach>`,
        accessing this property raises a :obj:`NotAttachedError`.
        """
        return self.section.document.optionxform(self._key)

    @key.setter
    def key(self, value: str) -> None:
        self._join_multiline_value()
        self._key = value
        self._updated = True

    @property
    def raw_key(self) -> str:
        """Equivalent to :obj:`key`, but before applying :meth:`optionxform`."""
        return self._key

    @property
    def value(self) -> str | None:
        """Value associated with the given option."""
        self._join_multiline_value()
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        if is_multi_line(value):
            raise AssignMultilineValueError(self)
        self._set_value(value)

    def _set_value(self, value: str | None) -> None:
        self._updated = True
        self._multiline_value_joined = True
        self._value = value
        self._values = [value]

    def as_list(self, separator: str = "\n") -> list[str]:
        """Returns the (multi-line/element) value as a list

        Empty list if value is None or empty (only whitespace), single-element
        list for a one-element value and an element for each line in a
        multi-element value. Since an empty list and a list with a single empty
        string are written the same way, ``set_values([])`` round-trips to ``[]``.

        Args:
            separator (str): separator for values, default: line separator
        """
        value = self.value
        if value is None or not value.strip():
            return []
        else:
            return [v.strip() for v in value.strip().split(separator)]

    def append(self, value: str, **kwargs: Any) -> Option:
        """Append a value to a multi-line value

        Args:
            value (str): value
            kwargs: keyword arguments for `set_values`
        """
        sep = kwargs.get("separator")
        new_values = self.as_list() if sep is None else self.as_list(separator=sep)

        new_values.append(value)
        self.set_values(new_values, **kwargs)
        return self

    def set_values(
        self,
        values: Iterable[str],
        separator: str = "\n",
        indent: str | None = None,
        prepend_newline: bool = True,
    ) -> None:
        """Sets the value to a given list of values, e.g. multi-line values

        Args:
            values (iterable): sequence of values
            separator (str): separator for values, default: line separator
            indent (optional str): indentation in case of a line separator.
                By default (``None``), 4 spaces if ``prepend_newline`` is ``True``,
                otherwise aligned with the start of the value.
            prepend_newline (bool): whether to start the value on a new line,
                default True
        """
        values = list(values).copy()
        self._updated = True
        self._multiline_value_joined = True
        self._values = cast(list[str | None], values)

        if indent is None:
            indent = 4 * " " if prepend_newline else self.value_start_idx() * " "

        # The most common case of multiline values being preceded by a new line
        if prepend_newline and "\n" in separator:
            values = ["", *values]
            separator = separator + indent
        elif "\n" in separator:
            separator = separator + indent

        self._value = separator.join(values)
