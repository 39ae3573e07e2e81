from contextlib import nullcontext

import pytest

from contextlib import AbstractContextManager

from jwt.utils import force_bytes, from_base64url_uint, is_ssh_key, to_base64url_uint


@pytest.mark.parametrize(
    "inputval,expected",
    [
        (0, nullcontext(b"AA")),
        (1, nullcontext(b"AQ")),
        (255, nullcontext(b"_w")),
        (65537, nullcontext(b"AQAB")),
        (123456789, nullcontext(b"B1vNFQ")),
        (-1, pytest.raises(ValueError)),
    ],
)
def test_to_base64url_uint(
    inputval: int, expected: AbstractContextManager[bytes]
) -> None:
    with expected as e:
        actual = to_base64url_uint(inputval)
        assert actual == e




def test_force_bytes_raises_error_on_invalid_object() -> None:
    with pytest.raises(TypeError):
        force_bytes({})  # type: ignore[arg-type]


