"""One side of the comparison: a header, the read-only text, and a drop zone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QTextCursor, QTextOption
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSizePolicy, QStackedWidget, QToolButton, QToolTip, QVBoxLayout, QWidget)

from unspin.core.documents import Document
from unspin.core.reflow import reflowed
from unspin.core.report import read_as
from unspin.gui.highlighting import PaneHighlighter
from unspin.gui.offsets import OffsetMap


#: Characters put into the editor per event-loop turn (under 10 ms each).
LOAD_SLICE = 1 << 17


class ArticlePane(QWidget):
    """Shows one document; emits ``open_requested`` and ``file_dropped(path)``."""

    open_requested = Signal()
    file_dropped = Signal(str)
    loaded = Signal()  # the whole text is in the editor

    def __init__(self, side_name: str, parent=None):
        super().__init__(parent)
        self.side_name = self._side = side_name
        self.reflow = True  # show hard-wrapped text as paragraphs (View → Original Line Breaks)
        self.is_reflowed = False
        self.shown_text = ""
        self.document: Document | None = None
        self._offsets: OffsetMap | None = None
        self.tooltip_provider = None  # callable(code_point) -> str | None, set by the window
        self._load_generation = 0
        self._loading = False
        self._build_ui()
        self._connect_signals()
        self.setAcceptDrops(True)

    def _build_ui(self):
        # "Original: name" gives way in the middle of the name ("001_e5…52bf.txt") and the
        # details beside it ("1,320 words · UTF-8 …") at their end, keeping the word count
        # (see _fit_header)
        self.title = ElidedLabel(f"{self.side_name}", mode=Qt.TextElideMode.ElideMiddle)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # names come from the files
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info = ElidedLabel("")
        self.info.setObjectName("pane_info")
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # titles come from the files
        self.info.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.open_button = QToolButton(text="Open…", toolTip=f"Open a file in the {self.side_name.lower()} pane")
        header = QHBoxLayout()
        header.setContentsMargins(6, 2, 4, 2)
        header.setSpacing(10)
        header.addWidget(self.title, 1)
        header.addWidget(self.info)
        header.addWidget(self.open_button)
        self.error = QLabel("", wordWrap=True, visible=False, objectName="pane_error")
        self.error.setStyleSheet("QLabel { background: #b3261e; color: white; padding: 4px; }")
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.editor.setAcceptDrops(False)
        self.editor.viewport().setAcceptDrops(False)
        # flat scroll bars in the palette's colours: the style's own took 3 ms each to
        # repaint, a third of a page-down in two linked panes (measured under Xvfb)
        self.editor.setStyleSheet(_SCROLL_BAR_STYLE)
        self.editor.setMouseTracking(True)
        self.editor.document().setUndoRedoEnabled(False)
        self.editor.viewport().installEventFilter(self)
        self.highlighter = PaneHighlighter(self.editor)
        self.drop_zone = self._build_drop_zone()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_zone)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

    def _build_drop_zone(self) -> QWidget:
        zone = QFrame(objectName="drop_zone")
        zone.setFrameShape(QFrame.Shape.StyledPanel)
        what = "the original" if self.side_name == "Original" else "the suspect copy"
        label = QLabel(f"Drop {what} here,\nor choose a file.", alignment=Qt.AlignmentFlag.AlignCenter)
        self.drop_open_button = QPushButton("Open a file…")
        layout = QVBoxLayout(zone)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.drop_open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return zone

    def _connect_signals(self):
        self.open_button.clicked.connect(self.open_requested)
        self.drop_open_button.clicked.connect(self.open_requested)

    # --- content -----------------------------------------------------------------

    def set_document(self, document: Document, words: int | None = None):
        """Show *document* (unhighlighted until a comparison arrives).

        A long text goes into the editor in slices from the event loop: one call for
        10 MB would freeze the window for most of a second.
        """
        self.document = document
        self._offsets = None
        self.highlighter.clear()
        self._load_generation += 1
        # hard-wrapped text shown as paragraphs: its line breaks inside paragraphs become
        # spaces, one character for one, so every offset still fits the document
        shown = reflowed(document.text) if self.reflow else None
        self.is_reflowed = shown is not None
        self.shown_text = text = shown if shown is not None else document.text
        first = _slice_end(text, 0)
        self.editor.setPlainText(text[:first])
        self._loading = first < len(text)
        if self._loading:
            self._append_later(self._load_generation, first + (text[first] == "\n"))
        self.set_words(words)
        self.hide_error()
        self.stack.setCurrentWidget(self.editor)
        if not self._loading:
            self.loaded.emit()

    def is_loading(self) -> bool:
        """True while a long text is still going into the editor."""
        return self._loading

    def _append_later(self, generation: int, start: int):
        QTimer.singleShot(1, lambda: self._append(generation, start))  # 1 ms: input and timers come first

    def _append(self, generation: int, start: int):
        """Add the next slice. Slices end at a line break and go in as new paragraphs with
        one call: each call into Qt may wait for the GIL while a comparison runs."""
        if generation != self._load_generation or self.document is None:
            return  # another document replaced this one
        text = self.shown_text
        end = _slice_end(text, start)
        self.editor.appendPlainText(text[start:end])  # re-creates the line break before it
        if end < len(text):
            self._append_later(generation, end + (text[end] == "\n"))
        else:
            self._loading = False
            self.highlighter.schedule()
            self.loaded.emit()



    def set_role(self, name: str | None = None):
        """Name the pane's text by its role ("Suspect text" for a text scanned alone);
        None: the side's own name ("Original", "Copy")."""
        self.side_name = name or self._side
        doc = self.document
        self.title.setText(f"{self.side_name}: {doc.name}" if doc else self.side_name)
        self._fit_header()

    def set_words(self, words: int | None):
        """Update the header line: encoding, line endings, size in words (None: not
        counted yet, the size in bytes is shown)."""
        doc = self.document
        if doc is None:
            return
        self.title.setText(f"{self.side_name}: {doc.name}")
        self.title.setToolTip(doc.path or (doc.source or {}).get("final_url") or doc.name)
        newline = f" · {doc.newline}" if doc.newline != "LF" else ""
        newline += " · reflowed" if self.is_reflowed else ""
        if doc.source:  # fetched by URL: when, in the reader's view of evidence
            newline += f" · fetched {doc.source['retrieved_at'].replace('T', ' ')[:16]} UTC"
        size = f"{words:,} words" if words is not None else _size(doc.size_bytes)
        title = f" · “{_elide(doc.title, 50)}”" if doc.title else ""
        self.info.setText(f"{size} · {read_as(doc)}{newline}{title}")
        self.info.setToolTip(doc.title)
        self._fit_header()

    def _fit_header(self):
        """Share the header between the title and the details: each whole when both fit,
        else the details give way first, down to the word count."""
        room = self.width() - self.open_button.sizeHint().width() - 30  # margins and spacing
        need_title = self.title.fontMetrics().horizontalAdvance(self.title.text())
        need_info = self.info.fontMetrics().horizontalAdvance(self.info.text()) + 2
        need_count = self.info.fontMetrics().horizontalAdvance(self.info.text().split(" · ")[0] + " · …")
        self.info.setFixedWidth(max(0, min(need_info, max(need_count, room - need_title))))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_header()

    def clear(self):
        """Back to the empty drop zone."""
        self._load_generation += 1
        self._loading = False
        self.document = None
        self._offsets = None
        self.highlighter.clear()
        self.editor.clear()
        self.title.setText(self.side_name)
        self.info.setText("")
        self._fit_header()
        self.stack.setCurrentWidget(self.drop_zone)

    def show_error(self, message: str):
        """Show *message* above the text; the text stays as it was."""
        self.error.setText(message)
        self.error.setVisible(True)

    def hide_error(self):
        """Hide the error banner."""
        self.error.setVisible(False)

    def error_text(self) -> str:
        """The error shown, or an empty string."""
        return self.error.text() if self.error.isVisible() else ""

    # --- positions ----------------------------------------------------------------

    @property
    def offsets(self) -> OffsetMap:
        """Code-point/UTF-16 conversion for the text shown (built when first needed)."""
        if self._offsets is None:
            self._offsets = OffsetMap(self.document.text if self.document else "")
        return self._offsets

    def set_offsets(self, offsets: OffsetMap):
        """Use an offset map built elsewhere (in the comparison's worker thread)."""
        self._offsets = offsets

    def show_span(self, start: int, end: int, mark: bool = True):
        """Scroll so that the code-point span is centred, and mark it."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        self.editor.setTextCursor(cursor)
        self.center_cursor()
        if mark:
            self.highlighter.set_mark((start, end))

    def center_cursor(self):
        """Scroll the text cursor's line to the middle of the pane. Twice: the first scroll
        brings paragraphs on screen whose rows are padded level with the other pane only
        then (row_padding), which moves the line; the second uses their padded heights."""
        self.editor.centerCursor()
        self.editor.centerCursor()

    def position_at(self, point: QPoint) -> int:
        """Code-point offset of the character at a viewport point."""
        return self.offsets.to_code_point(self.editor.cursorForPosition(point).position())

    def span_visible(self, start: int, end: int) -> bool:
        """True when the code-point span is on screen."""
        a, b = self.highlighter.visible_span()
        return a <= start and end <= b

    # --- events ---------------------------------------------------------------------

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            text = self.tooltip_provider(self.position_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor)
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.Resize:
            self.highlighter.schedule()
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event):
        if _local_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)


def _local_file(mime) -> str | None:
    """The first local file path of a drag, if any."""
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return str(Path(url.toLocalFile()))
    return None


def _slice_end(text: str, start: int) -> int:
    """End of the slice from *start*: at a line break about LOAD_SLICE characters on (the
    break itself is re-created by the next appended paragraph), or the text's end. A slice
    never ends inside a line: growing one huge paragraph slice by slice would lay it out
    again each time."""
    if len(text) - start <= LOAD_SLICE:
        return len(text)
    cut = text.rfind("\n", start + 1, start + LOAD_SLICE)
    if cut > start:
        return cut
    cut = text.find("\n", start + LOAD_SLICE)
    return cut if cut != -1 else len(text)


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


_SCROLL_BAR_STYLE = """
QScrollBar:vertical { background: palette(base); width: 12px; margin: 0; }
QScrollBar::handle:vertical { background: palette(mid); min-height: 24px; border-radius: 4px; margin: 2px; }
QScrollBar::handle:vertical:hover { background: palette(dark); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""


class ElidedLabel(QLabel):
    """A one-line label cut short with "…" (at the end, or in the middle with
    ``mode=Qt.TextElideMode.ElideMiddle``) when it does not fit; the whole text is its tooltip."""

    def __init__(self, text: str = "", mode=Qt.TextElideMode.ElideRight):
        super().__init__(text)
        self.mode = mode

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("…") * 4)
        return hint

    def paintEvent(self, _event):
        painter = QPainter(self)
        metrics = self.fontMetrics()
        width = self.contentsRect().width()
        # "Original: name": the role before ": " stays whole, the name gives way
        head, sep, tail = self.text().partition(": ") if self.mode == Qt.TextElideMode.ElideMiddle \
            else ("", "", self.text())
        head += sep
        text = head + metrics.elidedText(tail, self.mode, max(0, width - metrics.horizontalAdvance(head)))
        painter.drawText(self.contentsRect(), int(self.alignment()), text)
        painter.end()

    def setText(self, text: str):
        super().setText(text)
        self.setToolTip(text)


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

