# Generated from forms/tickets.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_TicketsScreen(object):
    def setupUi(self, TicketsScreen):
        if not TicketsScreen.objectName():
            TicketsScreen.setObjectName(u"TicketsScreen")
        TicketsScreen.resize(1100, 760)
        self.ticketsLayout = QVBoxLayout(TicketsScreen)
        self.ticketsLayout.setObjectName(u"ticketsLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(TicketsScreen)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.stateLabel = QLabel(TicketsScreen)
        self.stateLabel.setObjectName(u"stateLabel")

        self.filterLayout.addWidget(self.stateLabel)

        self.stateCombo = QComboBox(TicketsScreen)
        self.stateCombo.setObjectName(u"stateCombo")

        self.filterLayout.addWidget(self.stateCombo)

        self.channelLabel = QLabel(TicketsScreen)
        self.channelLabel.setObjectName(u"channelLabel")

        self.filterLayout.addWidget(self.channelLabel)

        self.channelCombo = QComboBox(TicketsScreen)
        self.channelCombo.setObjectName(u"channelCombo")

        self.filterLayout.addWidget(self.channelCombo)

        self.fromLabel = QLabel(TicketsScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromEdit = QLineEdit(TicketsScreen)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(TicketsScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toEdit = QLineEdit(TicketsScreen)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.toEdit)


        self.ticketsLayout.addLayout(self.filterLayout)

        self.checkLayout = QHBoxLayout()
        self.checkLayout.setObjectName(u"checkLayout")
        self.openCheck = QCheckBox(TicketsScreen)
        self.openCheck.setObjectName(u"openCheck")

        self.checkLayout.addWidget(self.openCheck)

        self.verifyCheck = QCheckBox(TicketsScreen)
        self.verifyCheck.setObjectName(u"verifyCheck")

        self.checkLayout.addWidget(self.verifyCheck)

        self.overdueCheck = QCheckBox(TicketsScreen)
        self.overdueCheck.setObjectName(u"overdueCheck")

        self.checkLayout.addWidget(self.overdueCheck)

        self.dueSoonCheck = QCheckBox(TicketsScreen)
        self.dueSoonCheck.setObjectName(u"dueSoonCheck")

        self.checkLayout.addWidget(self.dueSoonCheck)

        self.checkSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.checkLayout.addItem(self.checkSpacer)

        self.countLabel = QLabel(TicketsScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")
        self.countLabel.setWordWrap(True)
        self.countLabel.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.checkLayout.addWidget(self.countLabel)

        self.visitsButton = QPushButton(TicketsScreen)
        self.visitsButton.setObjectName(u"visitsButton")

        self.checkLayout.addWidget(self.visitsButton)

        self.openButton = QPushButton(TicketsScreen)
        self.openButton.setObjectName(u"openButton")

        self.checkLayout.addWidget(self.openButton)


        self.ticketsLayout.addLayout(self.checkLayout)

        self.table = QTableView(TicketsScreen)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.ticketsLayout.addWidget(self.table)

        self.messageLabel = QLabel(TicketsScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.ticketsLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.stateLabel.setBuddy(self.stateCombo)
        self.channelLabel.setBuddy(self.channelCombo)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.stateCombo)
        QWidget.setTabOrder(self.stateCombo, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.fromEdit)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.openCheck)
        QWidget.setTabOrder(self.openCheck, self.verifyCheck)
        QWidget.setTabOrder(self.verifyCheck, self.overdueCheck)
        QWidget.setTabOrder(self.overdueCheck, self.dueSoonCheck)
        QWidget.setTabOrder(self.dueSoonCheck, self.table)
        QWidget.setTabOrder(self.table, self.openButton)
        QWidget.setTabOrder(self.openButton, self.visitsButton)

        self.retranslateUi(TicketsScreen)
    # setupUi

    def retranslateUi(self, TicketsScreen):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("TicketsScreen", u"ticket no., customer name, phone or serial", None))
        self.stateLabel.setText(QCoreApplication.translate("TicketsScreen", u"&State", None))
        self.channelLabel.setText(QCoreApplication.translate("TicketsScreen", u"&Channel", None))
        self.fromLabel.setText(QCoreApplication.translate("TicketsScreen", u"From", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("TicketsScreen", u"YYYY-MM-DD", None))
        self.toLabel.setText(QCoreApplication.translate("TicketsScreen", u"to", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("TicketsScreen", u"YYYY-MM-DD", None))
        self.openCheck.setText(QCoreApplication.translate("TicketsScreen", u"&Open only", None))
        self.verifyCheck.setText(QCoreApplication.translate("TicketsScreen", u"To &verify", None))
        self.overdueCheck.setText(QCoreApplication.translate("TicketsScreen", u"&Response overdue", None))
        self.dueSoonCheck.setText(QCoreApplication.translate("TicketsScreen", u"Answer &due soon", None))
        self.visitsButton.setText(QCoreApplication.translate("TicketsScreen", u"Visits by &area", None))
        self.openButton.setText(QCoreApplication.translate("TicketsScreen", u"Open ticket (Enter)", None))
        pass
    # retranslateUi

