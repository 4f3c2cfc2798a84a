# Generated from forms/claims.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_ClaimsScreen(object):
    def setupUi(self, ClaimsScreen):
        if not ClaimsScreen.objectName():
            ClaimsScreen.setObjectName(u"ClaimsScreen")
        ClaimsScreen.resize(1100, 700)
        self.claimsLayout = QVBoxLayout(ClaimsScreen)
        self.claimsLayout.setObjectName(u"claimsLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.makerLabel = QLabel(ClaimsScreen)
        self.makerLabel.setObjectName(u"makerLabel")

        self.filterLayout.addWidget(self.makerLabel)

        self.makerCombo = QComboBox(ClaimsScreen)
        self.makerCombo.setObjectName(u"makerCombo")
        self.makerCombo.setMinimumContentsLength(12)

        self.filterLayout.addWidget(self.makerCombo)

        self.stateLabel = QLabel(ClaimsScreen)
        self.stateLabel.setObjectName(u"stateLabel")

        self.filterLayout.addWidget(self.stateLabel)

        self.stateCombo = QComboBox(ClaimsScreen)
        self.stateCombo.setObjectName(u"stateCombo")
        self.stateCombo.setMinimumContentsLength(16)

        self.filterLayout.addWidget(self.stateCombo)

        self.filterSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.oldPartsButton = QPushButton(ClaimsScreen)
        self.oldPartsButton.setObjectName(u"oldPartsButton")

        self.filterLayout.addWidget(self.oldPartsButton)

        self.settlementButton = QPushButton(ClaimsScreen)
        self.settlementButton.setObjectName(u"settlementButton")

        self.filterLayout.addWidget(self.settlementButton)

        self.statementButton = QPushButton(ClaimsScreen)
        self.statementButton.setObjectName(u"statementButton")

        self.filterLayout.addWidget(self.statementButton)

        self.refreshButton = QPushButton(ClaimsScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filterLayout.addWidget(self.refreshButton)


        self.claimsLayout.addLayout(self.filterLayout)

        self.table = QTableView(ClaimsScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.claimsLayout.addWidget(self.table)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.selectedLabel = QLabel(ClaimsScreen)
        self.selectedLabel.setObjectName(u"selectedLabel")

        self.actionLayout.addWidget(self.selectedLabel)

        self.submitButton = QPushButton(ClaimsScreen)
        self.submitButton.setObjectName(u"submitButton")

        self.actionLayout.addWidget(self.submitButton)

        self.levelButton = QPushButton(ClaimsScreen)
        self.levelButton.setObjectName(u"levelButton")

        self.actionLayout.addWidget(self.levelButton)

        self.appealButton = QPushButton(ClaimsScreen)
        self.appealButton.setObjectName(u"appealButton")

        self.actionLayout.addWidget(self.appealButton)

        self.closeButton = QPushButton(ClaimsScreen)
        self.closeButton.setObjectName(u"closeButton")

        self.actionLayout.addWidget(self.closeButton)

        self.tagsButton = QPushButton(ClaimsScreen)
        self.tagsButton.setObjectName(u"tagsButton")

        self.actionLayout.addWidget(self.tagsButton)

        self.openButton = QPushButton(ClaimsScreen)
        self.openButton.setObjectName(u"openButton")

        self.actionLayout.addWidget(self.openButton)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)


        self.claimsLayout.addLayout(self.actionLayout)

        self.totalsLabel = QLabel(ClaimsScreen)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setText(u"")
        self.totalsLabel.setWordWrap(True)

        self.claimsLayout.addWidget(self.totalsLabel)

        self.messageLabel = QLabel(ClaimsScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.claimsLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.makerLabel.setBuddy(self.makerCombo)
        self.stateLabel.setBuddy(self.stateCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.makerCombo, self.stateCombo)
        QWidget.setTabOrder(self.stateCombo, self.table)
        QWidget.setTabOrder(self.table, self.submitButton)
        QWidget.setTabOrder(self.submitButton, self.levelButton)
        QWidget.setTabOrder(self.levelButton, self.appealButton)
        QWidget.setTabOrder(self.appealButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.tagsButton)
        QWidget.setTabOrder(self.tagsButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.oldPartsButton)
        QWidget.setTabOrder(self.oldPartsButton, self.settlementButton)
        QWidget.setTabOrder(self.settlementButton, self.statementButton)
        QWidget.setTabOrder(self.statementButton, self.refreshButton)

        self.retranslateUi(ClaimsScreen)
    # setupUi

    def retranslateUi(self, ClaimsScreen):
        self.makerLabel.setText(QCoreApplication.translate("ClaimsScreen", u"&Maker", None))
        self.stateLabel.setText(QCoreApplication.translate("ClaimsScreen", u"Sho&w", None))
#if QT_CONFIG(tooltip)
        self.oldPartsButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"The old parts owed back and their return batches: scan, ship, packing lists", None))
#endif // QT_CONFIG(tooltip)
        self.oldPartsButton.setText(QCoreApplication.translate("ClaimsScreen", u"Old &parts\u2026", None))
#if QT_CONFIG(tooltip)
        self.settlementButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Import a maker's settlement workbook: a preview first, then the claims paid, paid short or rejected (a manager's act)", None))
#endif // QT_CONFIG(tooltip)
        self.settlementButton.setText(QCoreApplication.translate("ClaimsScreen", u"&Import a settlement\u2026", None))
#if QT_CONFIG(tooltip)
        self.statementButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"The monthly statement of the maker shown (claimed, paid, short, rejected, appealed, deductions) as a PDF", None))
#endif // QT_CONFIG(tooltip)
        self.statementButton.setText(QCoreApplication.translate("ClaimsScreen", u"Stat&ement\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("ClaimsScreen", u"&Refresh", None))
        self.selectedLabel.setText(QCoreApplication.translate("ClaimsScreen", u"The selected claim:", None))
#if QT_CONFIG(tooltip)
        self.submitButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Record that the selected claim was submitted to its maker, with the maker's claim number", None))
#endif // QT_CONFIG(tooltip)
        self.submitButton.setText(QCoreApplication.translate("ClaimsScreen", u"&Submitted\u2026", None))
#if QT_CONFIG(tooltip)
        self.levelButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Set the repair level of a drafted claim: its labour is priced again by the same standard", None))
#endif // QT_CONFIG(tooltip)
        self.levelButton.setText(QCoreApplication.translate("ClaimsScreen", u"Repair &level\u2026", None))
#if QT_CONFIG(tooltip)
        self.appealButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Record that the shop contested a short payment or a rejection (before the maker's appeal deadline)", None))
#endif // QT_CONFIG(tooltip)
        self.appealButton.setText(QCoreApplication.translate("ClaimsScreen", u"&Appealed\u2026", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Nothing more is asked of the maker on this claim: settle it for good", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("ClaimsScreen", u"Settle&d", None))
#if QT_CONFIG(tooltip)
        self.tagsButton.setToolTip(QCoreApplication.translate("ClaimsScreen", u"Print the tags of the old parts the selected claim's maker wants back", None))
#endif // QT_CONFIG(tooltip)
        self.tagsButton.setText(QCoreApplication.translate("ClaimsScreen", u"Print old-part &tags", None))
        self.openButton.setText(QCoreApplication.translate("ClaimsScreen", u"&Open ticket (Enter)", None))
        pass
    # retranslateUi

