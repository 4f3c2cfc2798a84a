# Generated from forms/uncollected.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_UncollectedScreen(object):
    def setupUi(self, UncollectedScreen):
        if not UncollectedScreen.objectName():
            UncollectedScreen.setObjectName(u"UncollectedScreen")
        UncollectedScreen.resize(1100, 700)
        self.uncollectedLayout = QVBoxLayout(UncollectedScreen)
        self.uncollectedLayout.setObjectName(u"uncollectedLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.countLabel = QLabel(UncollectedScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.topLayout.addWidget(self.countLabel)

        self.topSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.openButton = QPushButton(UncollectedScreen)
        self.openButton.setObjectName(u"openButton")

        self.topLayout.addWidget(self.openButton)

        self.refreshButton = QPushButton(UncollectedScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)


        self.uncollectedLayout.addLayout(self.topLayout)

        self.table = QTableView(UncollectedScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.uncollectedLayout.addWidget(self.table)

        self.messageLabel = QLabel(UncollectedScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.uncollectedLayout.addWidget(self.messageLabel)

        QWidget.setTabOrder(self.table, self.openButton)
        QWidget.setTabOrder(self.openButton, self.refreshButton)

        self.retranslateUi(UncollectedScreen)
    # setupUi

    def retranslateUi(self, UncollectedScreen):
        self.openButton.setText(QCoreApplication.translate("UncollectedScreen", u"&Open ticket (Enter)", None))
        self.refreshButton.setText(QCoreApplication.translate("UncollectedScreen", u"&Refresh", None))
        pass
    # retranslateUi

