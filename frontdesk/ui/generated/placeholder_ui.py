# Generated from frontdesk/forms/placeholder.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PlaceholderScreen(object):
    def setupUi(self, PlaceholderScreen):
        if not PlaceholderScreen.objectName():
            PlaceholderScreen.setObjectName(u"PlaceholderScreen")
        PlaceholderScreen.resize(1100, 760)
        self.placeholderLayout = QVBoxLayout(PlaceholderScreen)
        self.placeholderLayout.setObjectName(u"placeholderLayout")
        self.topSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.placeholderLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(PlaceholderScreen)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setAlignment(Qt.AlignCenter)

        self.placeholderLayout.addWidget(self.titleLabel)

        self.textLabel = QLabel(PlaceholderScreen)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setText(u"")
        self.textLabel.setWordWrap(True)
        self.textLabel.setAlignment(Qt.AlignCenter)

        self.placeholderLayout.addWidget(self.textLabel)

        self.bottomSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.placeholderLayout.addItem(self.bottomSpacer)


        self.retranslateUi(PlaceholderScreen)
    # setupUi

    def retranslateUi(self, PlaceholderScreen):
        pass
    # retranslateUi

