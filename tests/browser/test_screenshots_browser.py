"""`make screenshots` (bench/screenshots.py): one PNG per view, size and language, in the folder asked for."""

from __future__ import annotations

import struct

import pytest

from bench import screenshots

pytestmark = pytest.mark.browser


def png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_each_view_is_written_at_both_sizes_for_each_language(tmp_path, chromium):
    written = screenshots.take_screenshots(tmp_path, ["en"], ["chat", "widget"], browser=chromium)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "en/chat-1280x800.png", "en/chat-360x740.png", "en/widget-1280x800.png", "en/widget-360x740.png"]
    assert [png_size(tmp_path / "en" / f"chat-{w}x{h}.png") for w, h in screenshots.SIZES] == screenshots.SIZES


@pytest.mark.parametrize("setting, languages", [(None, ["en"]), (["en", "hi"], ["en", "hi"]),
                                                ({"en": "English", "hi": "हिन्दी"}, ["en", "hi"])])
def test_the_languages_are_the_apps(app, setting, languages):
    if setting is not None:
        app.config["LANGUAGES"] = setting
    else:
        app.config.pop("LANGUAGES", None)
    assert screenshots.app_languages(app) == languages


def test_an_unknown_view_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        screenshots.main(["--views", "chat,nonsense"])
    assert stopped.value.code == 2
    assert "unknown view 'nonsense'" in capsys.readouterr().err
