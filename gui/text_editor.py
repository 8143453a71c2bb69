"""Plain-paragraph editors for the text sections, on the document's undo stack, with findings underlined."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from forms.model.findings import Finding, Severity
from forms.model.preface import effective_preface
from gui.commands import SetText
from gui.document import Document
from gui.fonts import document_font, set_heading
from gui import palette as colors

UNDERLINE = {s: QColor(colors.TEXT_UNDERLINE[s.value]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
MARK = {s: QColor(colors.TEXT_MARK[s.value]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
MIN_LINES = 4
LONG_LINES = 24  # the height of the box a long text scrolls in
LONG_TEXT = 50_000  # characters above which the count follows typing after a pause, not on each key
# What QTextDocument.toPlainText() turns into plain characters, for a stretch read through a cursor.
_PLAIN = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\xa0": " "})


def char_count(text: str) -> int:
    """Characters as Chinese offices count them: everything but whitespace."""
    return sum(map(len, text.split()))  # split() breaks at exactly what isspace() calls space


class _GrowingText(QTextEdit):
    """As tall as its text, so a section reads as one page and the page scrolls."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setFont(document_font())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_):
        if self.document().characterCount() > LONG_TEXT:
            # A long text scrolls in a box of its own: growing to its height would lay out all of
            # it on every resize (seconds for 1 MB), and no page scrolls well that far.
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.setFixedHeight(self.fontMetrics().lineSpacing() * LONG_LINES + 2 * self.frameWidth() + 6)
            return
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = self.fontMetrics().lineSpacing() * MIN_LINES
        height = max(lines, round(self.document().size().height())) + 2 * self.frameWidth() + 6
        self.setFixedHeight(height)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()


class TextEditor(_GrowingText):
    """One text of the report (a key of Report.text). Typing becomes SetText commands."""

    def __init__(self, doc: Document, key: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.key, self.label = doc, key, label
        self.session = 0
        self._applying = False
        self._spans: list[tuple[int, int, Finding]] = []
        self._shown = None
        self.setUndoRedoEnabled(False)  # undo belongs to the document's stack
        self.setTabChangesFocus(True)
        self._plain = self.model_text()  # the text shown, kept up to date change by change
        self.setPlainText(self._plain)
        self.document().contentsChange.connect(self._contents_change)
        self.textChanged.connect(self._typed)
        doc.textChanged.connect(self._model_changed)
        doc.findingsChanged.connect(self.show_findings)
        self.show_findings()

    def model_text(self) -> str:
        """The text shown for the model's."""
        return self.doc.report.text(self.key)

    def plain_text(self) -> str:
        return self._plain

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        """Follow a change without copying the whole text out of Qt (a 1 MB section: 15 ms a key)."""
        if self._applying:
            return
        document = self.document()
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(min(position + added, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        inserted = cursor.selectedText().translate(_PLAIN)
        text = self._plain[:position] + inserted + self._plain[position + removed:]
        # Qt counts UTF-16 units: with a character beyond them the positions differ, so read it all.
        self._plain = text if len(text) == document.characterCount() - 1 else self.toPlainText()

    def _typed(self) -> None:
        if self._applying:
            return
        text = self._plain
        old = self.doc.report.text(self.key)
        if text == old or text == self.model_text():
            return
        if text.count("\n") > old.count("\n"):
            self.session += 1  # a new paragraph starts a new undo step
        self.doc.undo_stack.push(SetText(self.doc, self.key, text, session=self.session, label=self.label))

    def _model_changed(self, key: str) -> None:
        if key != self.key:
            return
        new, old = self.model_text(), self._plain
        if new == old:
            return
        prefix = 0
        while prefix < min(len(new), len(old)) and new[prefix] == old[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(new), len(old)) - prefix and new[-1 - suffix] == old[-1 - suffix]:
            suffix += 1
        self._applying = True
        try:
            self.setPlainText(new)
            self._plain = new
        finally:
            self._applying = False
        cursor = self.textCursor()
        cursor.setPosition(len(new) - suffix)
        self.setTextCursor(cursor)
        self.session += 1
        self.show_findings()

    def focusOutEvent(self, event):
        self.session += 1
        super().focusOutEvent(event)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.doc.undo_stack.undo()
        if event.matches(QKeySequence.StandardKey.Redo):
            return self.doc.undo_stack.redo()
        super().keyPressEvent(event)

    # --- findings -------------------------------------------------------------------------
    def show_findings(self) -> None:
        found = self.doc.open.in_text(self.key)
        length = len(self._plain)
        spans = [(max(0, f.location.span[0]), min(length, f.location.span[1]), f)
                 for f in found if f.location.span]
        whole = [f for f in found if not f.location.span]
        shown = ([(a, b, f.fingerprint, f.severity) for a, b, f in spans],
                 [(f.fingerprint, f.message, f.severity) for f in whole], self._plain)
        if shown == self._shown:
            return  # re-marking on every keystroke elsewhere would cost a frame
        self._shown = shown
        self._spans = spans
        selections = []
        for start, end, f in self._spans:
            if start >= end:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(UNDERLINE[f.severity])
            fmt.setBackground(MARK[f.severity])
            sel.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)
        if whole:
            worst = min((f.severity for f in whole), key=lambda s: s.rank)
            self.setStyleSheet(f"QTextEdit {{ border: 1px solid {UNDERLINE[worst].name()};"
                               f" border-left: 4px solid {UNDERLINE[worst].name()}; }}")
            self.setToolTip("\n".join(f"【{f.severity.label}】{f.message}" for f in whole))
        else:
            self.setStyleSheet("")
            self.setToolTip("")

    def underlined(self) -> list[tuple[int, int, Finding]]:
        return list(self._spans)

    def viewportEvent(self, event):
        if event.type() == QEvent.Type.ToolTip:
            pos = self.cursorForPosition(event.pos()).position()
            here = [f for start, end, f in self._spans if start <= pos < end]
            if here:
                QToolTip.showText(event.globalPos(), "\n".join(f"【{f.severity.label}】{f.message}" for f in here),
                                  self)
                return True
        return super().viewportEvent(event)

    def show_span(self, span: tuple[int, int] | None) -> None:
        cursor = self.textCursor()
        length = len(self._plain)
        if span:
            cursor.setPosition(min(span[0], length))
            cursor.setPosition(min(span[1], length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class PrefaceEditor(TextEditor):
    """The opening paragraph: blank in the file means the standard one, which is shown (and
    follows the cover fields) until the clerk types in it."""

    def __init__(self, doc: Document, key: str, label: str, parent: QWidget | None = None):
        super().__init__(doc, key, label, parent)
        doc.metaChanged.connect(lambda: self._model_changed(self.key))

    def model_text(self) -> str:
        return effective_preface(self.doc.report)


class TextBlock(QWidget):
    """A heading, what to write, the editor with its character count, and last year's text beside it."""

    def __init__(self, doc: Document, key: str, heading: str, hint: str, parent: QWidget | None = None, *,
                 label: str = "", editor_class: type[TextEditor] | None = None):
        super().__init__(parent)
        self.doc, self.key = doc, key
        title = QLabel(heading)
        title.setObjectName("blockHeading")
        set_heading(title, 11)
        guide = QLabel(hint)
        guide.setWordWrap(True)
        colors.set_ink(guide, colors.MUTED)
        self.editor = (editor_class or TextEditor)(doc, key, label or heading, self)
        self.editor.setPlaceholderText("在此填写……")
        self.count = QLabel()
        colors.set_ink(self.count, colors.MUTED)
        self.prior_label = QLabel()
        colors.set_ink(self.prior_label, colors.MUTED)
        self.prior = QLabel(self)  # read-only and selectable: lighter than a second editor
        self.prior.setObjectName("priorText")
        self.prior.setWordWrap(True)
        self.prior.setFont(document_font())
        self.prior.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.prior.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prior.setTextFormat(Qt.TextFormat.PlainText)

        mine = QVBoxLayout()
        mine.addWidget(self.editor)
        mine.addWidget(self.count, alignment=Qt.AlignmentFlag.AlignRight)
        theirs = QVBoxLayout()
        theirs.addWidget(self.prior, 1)
        theirs.addWidget(self.prior_label, alignment=Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addLayout(mine, 3)
        row.addLayout(theirs, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(title)
        title.setVisible(bool(heading))  # (once parented) a one-text section has its heading on the page
        layout.addWidget(guide)
        layout.addLayout(row)
        self._count_later = QTimer(self, singleShot=True, interval=300)
        self._count_later.timeout.connect(self._count)
        self.editor.textChanged.connect(self._typed)
        doc.priorChanged.connect(self._show_prior)
        self._count()
        self._show_prior()

    def _typed(self) -> None:
        if len(self.editor.plain_text()) > LONG_TEXT:
            self._count_later.start()  # counting a long text on every key would cost a frame
        else:
            self._count()

    def _count(self) -> None:
        self.count.setText(f"{char_count(self.editor.plain_text())} 字")

    def _show_prior(self) -> None:
        prior = self.doc.report.prior
        visible = prior is not None
        if visible and not self.prior.styleSheet():  # styled when first shown: most reports open without last year's
            self.prior.setStyleSheet(f"QLabel#priorText {{ background: {colors.PRIOR_BACKGROUND}; color: {colors.PRIOR_INK};"
                                     f" border: 1px solid {colors.PRIOR_BORDER}; padding: 4px; }}")
        self.prior.setVisible(visible)
        self.prior_label.setVisible(visible)
        if visible:
            text = prior.text(self.key)
            self.prior.setText(text or "（上年报告此处为空）")
            self.prior_label.setText(f"上年（{prior.year} 年）报告，仅供对照 · {char_count(text)} 字")
