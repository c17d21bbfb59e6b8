"""Code-point ↔ UTF-16 offsets (where the engine meets Qt), checked against UTF-16 itself
on texts with astral characters at the start, at the end, side by side and alone."""

import pytest

from unspin.gui.offsets import OffsetMap

TEXTS = ["", "plain ascii", "é à ü", "😀", "😀a", "a😀", "😀😀", "a😀b😀c", "🇫🇷🇩🇪 flags",
         "👩‍👩‍👧‍👦 family", "e\u0301 😀 \U00010348 end", "x" * 10 + "😀" * 5 + "y" * 3]


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", TEXTS)
def test_every_code_point_offset_maps_to_its_utf16_offset_and_back(text):
    offsets = OffsetMap(text)
    for position in range(len(text) + 1):
        utf16 = _utf16_length(text[:position])
        assert offsets.to_utf16(position) == utf16, (text, position)
        assert offsets.to_code_point(utf16) == position, (text, position)


@pytest.mark.parametrize("text", [t for t in TEXTS if any(ord(c) > 0xFFFF for c in t)])
def test_an_offset_inside_a_surrogate_pair_is_its_characters_start(text):
    offsets = OffsetMap(text)
    for position, character in enumerate(text):
        if ord(character) > 0xFFFF:
            inside = _utf16_length(text[:position]) + 1  # between the two surrogates
            assert offsets.to_code_point(inside) == position
