# Generated from forms/receipts.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTextBrowser, QVBoxLayout, QWidget

class Ui_ReceiptsScreen(object):
    def setupUi(self, ReceiptsScreen):
        if not ReceiptsScreen.objectName():
            ReceiptsScreen.setObjectName(u"ReceiptsScreen")
        ReceiptsScreen.resize(1100, 760)
        self.receiptsLayout = QVBoxLayout(ReceiptsScreen)
        self.receiptsLayout.setObjectName(u"receiptsLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.dayLabel = QLabel(ReceiptsScreen)
        self.dayLabel.setObjectName(u"dayLabel")

        self.filterLayout.addWidget(self.dayLabel)

        self.dayEdit = QLineEdit(ReceiptsScreen)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setMaximumSize(QSize(170, 16777215))

        self.filterLayout.addWidget(self.dayEdit)

        self.searchEdit = QLineEdit(ReceiptsScreen)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.countLabel = QLabel(ReceiptsScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.filterLayout.addWidget(self.countLabel)


        self.receiptsLayout.addLayout(self.filterLayout)

        self.receiptsSplit = QHBoxLayout()
        self.receiptsSplit.setObjectName(u"receiptsSplit")
        self.table = QTableWidget(ReceiptsScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.table.sizePolicy().hasHeightForWidth())
        self.table.setSizePolicy(sizePolicy)

        self.receiptsSplit.addWidget(self.table)

        self.preview = QTextBrowser(ReceiptsScreen)
        self.preview.setObjectName(u"preview")
        self.preview.setMinimumSize(QSize(360, 0))

        self.receiptsSplit.addWidget(self.preview)


        self.receiptsLayout.addLayout(self.receiptsSplit)

        self.receiptButtons = QHBoxLayout()
        self.receiptButtons.setObjectName(u"receiptButtons")
        self.printButton = QPushButton(ReceiptsScreen)
        self.printButton.setObjectName(u"printButton")

        self.receiptButtons.addWidget(self.printButton)

        self.print80Button = QPushButton(ReceiptsScreen)
        self.print80Button.setObjectName(u"print80Button")

        self.receiptButtons.addWidget(self.print80Button)

        self.reprintButton = QPushButton(ReceiptsScreen)
        self.reprintButton.setObjectName(u"reprintButton")

        self.receiptButtons.addWidget(self.reprintButton)

        self.voidButton = QPushButton(ReceiptsScreen)
        self.voidButton.setObjectName(u"voidButton")

        self.receiptButtons.addWidget(self.voidButton)

        self.correctButton = QPushButton(ReceiptsScreen)
        self.correctButton.setObjectName(u"correctButton")

        self.receiptButtons.addWidget(self.correctButton)

        self.receiptSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.receiptButtons.addItem(self.receiptSpacer)


        self.receiptsLayout.addLayout(self.receiptButtons)

        self.messageLabel = QLabel(ReceiptsScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.receiptsLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayEdit, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.table)
        QWidget.setTabOrder(self.table, self.printButton)
        QWidget.setTabOrder(self.printButton, self.print80Button)
        QWidget.setTabOrder(self.print80Button, self.reprintButton)
        QWidget.setTabOrder(self.reprintButton, self.voidButton)
        QWidget.setTabOrder(self.voidButton, self.correctButton)

        self.retranslateUi(ReceiptsScreen)
    # setupUi

    def retranslateUi(self, ReceiptsScreen):
        self.dayLabel.setText(QCoreApplication.translate("ReceiptsScreen", u"&Day", None))
        self.dayEdit.setPlaceholderText(QCoreApplication.translate("ReceiptsScreen", u"YYYY-MM-DD (empty: all)", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ReceiptsScreen", u"receipt or ticket number", None))
        self.printButton.setText(QCoreApplication.translate("ReceiptsScreen", u"&Print (A5)\u2026", None))
        self.print80Button.setText(QCoreApplication.translate("ReceiptsScreen", u"Print on the receipt prin&ter (80 mm)\u2026", None))
        self.reprintButton.setText(QCoreApplication.translate("ReceiptsScreen", u"&Reprint (COPY)", None))
        self.voidButton.setText(QCoreApplication.translate("ReceiptsScreen", u"&Void\u2026", None))
        self.correctButton.setText(QCoreApplication.translate("ReceiptsScreen", u"&Correct\u2026", None))
        pass
    # retranslateUi

