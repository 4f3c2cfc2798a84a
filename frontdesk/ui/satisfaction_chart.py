"""A small bar chart drawn with QPainter (this Qt has no QtCharts): one
horizontal bar per group, its label on the left and its percentage and
count at the end, so long names (Chinese included) are never cut."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from frontdesk.i18n import _

BAR = QColor("#1565c0")
LOW = QColor("#b00020")
TRACK = QColor("#e3e8ee")
LOW_SHARE = Decimal("80")  # bars below this share are drawn red
ROW_HEIGHT = 28
MARGIN = 10


@dataclass(frozen=True)
class Bar:
    label: str
    share: Decimal  # percent
    count: int


class SatisfactionChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 120)

    def set_bars(self, title: str, bars: list[Bar]) -> None:
        self.title = title
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 2 * MARGIN + ROW_HEIGHT * (len(self.bars) + 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        width = self.width() - 2 * MARGIN
        painter.setPen(self.palette().text().color())
        title = self.title if self.bars else _("No returned cards in this range.")
        painter.drawText(QRectF(MARGIN, MARGIN, width, ROW_HEIGHT), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
        if not self.bars:
            painter.end()
            return
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12, width // 3)
        value_width = metrics.horizontalAdvance("100.0% (0000)") + 12
        bar_space = max(20, width - label_width - value_width)
        row_height = min(ROW_HEIGHT, (self.height() - 2 * MARGIN - ROW_HEIGHT) / len(self.bars))
        for i, bar in enumerate(self.bars):
            top = MARGIN + ROW_HEIGHT + i * row_height
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width) - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(MARGIN, top, label_width - 8, row_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            track = QRectF(MARGIN + label_width, top + row_height * 0.2, bar_space, row_height * 0.6)
            painter.fillRect(track, TRACK)
            filled = QRectF(track.left(), track.top(), bar_space * float(bar.share) / 100, track.height())
            painter.fillRect(filled, LOW if bar.share < LOW_SHARE else BAR)
            painter.drawText(QRectF(track.right() + 6, top, value_width, row_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{bar.share}% ({bar.count})")
        painter.end()
