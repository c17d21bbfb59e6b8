"""Render resources/unspin.svg into the PNG sizes desktops want (run after editing the SVG).

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def render(size: int, renderer: QSvgRenderer) -> QImage:
    """The icon at *size* × *size* pixels, transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write resources/icons/unspin-SIZE.png for every size."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage needs it)
    renderer = QSvgRenderer(str(RESOURCES / "unspin.svg"))
    if not renderer.isValid():
        print("unspin.svg is not valid SVG", file=sys.stderr)
        return 1
    out = RESOURCES / "icons"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        path = out / f"unspin-{size}.png"
        render(size, renderer).save(str(path))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
