import pytest

import marko.source
from marko import helpers


@pytest.mark.parametrize(
    "raw_string",
    [
        "(hello(to)world)",
        r"(hello\)world)",
        r"he\(llo(world)",
        "",
        "hello world",
        "(hello), (world)",
    ],
)
def test_is_paired(raw_string):
    assert helpers.is_paired(raw_string)




def test_source_no_state():
    source = marko.source.Source("hello world")

    with pytest.raises(RuntimeError, match="Need to push a state first"):
        source.root

    with pytest.raises(RuntimeError, match="Need to push a state first"):
        source.state




def test_load_illegal_extension_object():
    with pytest.raises(
        AttributeError,
        match="Module marko.block does not have 'make_extension' attributte",
    ):
        helpers.load_extension("marko.block")


