# Generated from forms/loaners.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget

class Ui_LoanersScreen(object):
    def setupUi(self, LoanersScreen):
        if not LoanersScreen.objectName():
            LoanersScreen.setObjectName(u"LoanersScreen")
        LoanersScreen.resize(1100, 760)
        self.loanersLayout = QVBoxLayout(LoanersScreen)
        self.loanersLayout.setObjectName(u"loanersLayout")
        self.scanLayout = QHBoxLayout()
        self.scanLayout.setObjectName(u"scanLayout")
        self.scanLabel = QLabel(LoanersScreen)
        self.scanLabel.setObjectName(u"scanLabel")

        self.scanLayout.addWidget(self.scanLabel)

        self.scanEdit = QLineEdit(LoanersScreen)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setClearButtonEnabled(True)

        self.scanLayout.addWidget(self.scanEdit)

        self.statusLabel = QLabel(LoanersScreen)
        self.statusLabel.setObjectName(u"statusLabel")

        self.scanLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(LoanersScreen)
        self.statusCombo.setObjectName(u"statusCombo")

        self.scanLayout.addWidget(self.statusCombo)

        self.categoryLabel = QLabel(LoanersScreen)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.scanLayout.addWidget(self.categoryLabel)

        self.categoryCombo = QComboBox(LoanersScreen)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.scanLayout.addWidget(self.categoryCombo)

        self.countLabel = QLabel(LoanersScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.scanLayout.addWidget(self.countLabel)


        self.loanersLayout.addLayout(self.scanLayout)

        self.loanersColumns = QHBoxLayout()
        self.loanersColumns.setObjectName(u"loanersColumns")
        self.unitsGroup = QGroupBox(LoanersScreen)
        self.unitsGroup.setObjectName(u"unitsGroup")
        self.unitsLayout = QVBoxLayout(self.unitsGroup)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsTable = QTableWidget(self.unitsGroup)
        self.unitsTable.setObjectName(u"unitsTable")
        self.unitsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unitsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unitsTable.setAlternatingRowColors(True)

        self.unitsLayout.addWidget(self.unitsTable)

        self.unitButtons = QGridLayout()
        self.unitButtons.setObjectName(u"unitButtons")
        self.lendButton = QPushButton(self.unitsGroup)
        self.lendButton.setObjectName(u"lendButton")

        self.unitButtons.addWidget(self.lendButton, 0, 0, 1, 1)

        self.returnButton = QPushButton(self.unitsGroup)
        self.returnButton.setObjectName(u"returnButton")

        self.unitButtons.addWidget(self.returnButton, 0, 1, 1, 1)

        self.maintenanceButton = QPushButton(self.unitsGroup)
        self.maintenanceButton.setObjectName(u"maintenanceButton")

        self.unitButtons.addWidget(self.maintenanceButton, 0, 2, 1, 1)

        self.addUnitButton = QPushButton(self.unitsGroup)
        self.addUnitButton.setObjectName(u"addUnitButton")

        self.unitButtons.addWidget(self.addUnitButton, 0, 3, 1, 1)

        self.editUnitButton = QPushButton(self.unitsGroup)
        self.editUnitButton.setObjectName(u"editUnitButton")

        self.unitButtons.addWidget(self.editUnitButton, 1, 0, 1, 1)

        self.retireButton = QPushButton(self.unitsGroup)
        self.retireButton.setObjectName(u"retireButton")

        self.unitButtons.addWidget(self.retireButton, 1, 1, 1, 1)

        self.labelsButton = QPushButton(self.unitsGroup)
        self.labelsButton.setObjectName(u"labelsButton")

        self.unitButtons.addWidget(self.labelsButton, 1, 2, 1, 1)

        self.unitSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitButtons.addItem(self.unitSpacer, 0, 4, 1, 1)


        self.unitsLayout.addLayout(self.unitButtons)


        self.loanersColumns.addWidget(self.unitsGroup)

        self.listsLayout = QVBoxLayout()
        self.listsLayout.setObjectName(u"listsLayout")
        self.outGroup = QGroupBox(LoanersScreen)
        self.outGroup.setObjectName(u"outGroup")
        self.outLayout = QVBoxLayout(self.outGroup)
        self.outLayout.setObjectName(u"outLayout")
        self.outTable = QTableWidget(self.outGroup)
        self.outTable.setObjectName(u"outTable")
        self.outTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.outTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.outTable.setAlternatingRowColors(True)

        self.outLayout.addWidget(self.outTable)


        self.listsLayout.addWidget(self.outGroup)

        self.slipGroup = QGroupBox(LoanersScreen)
        self.slipGroup.setObjectName(u"slipGroup")
        self.slipLayout = QVBoxLayout(self.slipGroup)
        self.slipLayout.setObjectName(u"slipLayout")
        self.slipTable = QTableWidget(self.slipGroup)
        self.slipTable.setObjectName(u"slipTable")
        self.slipTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.slipTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.slipTable.setAlternatingRowColors(True)

        self.slipLayout.addWidget(self.slipTable)


        self.listsLayout.addWidget(self.slipGroup)


        self.loanersColumns.addLayout(self.listsLayout)


        self.loanersLayout.addLayout(self.loanersColumns)

        self.messageLabel = QLabel(LoanersScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.loanersLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.scanLabel.setBuddy(self.scanEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.unitsTable)
        QWidget.setTabOrder(self.unitsTable, self.lendButton)
        QWidget.setTabOrder(self.lendButton, self.returnButton)
        QWidget.setTabOrder(self.returnButton, self.maintenanceButton)
        QWidget.setTabOrder(self.maintenanceButton, self.addUnitButton)
        QWidget.setTabOrder(self.addUnitButton, self.editUnitButton)
        QWidget.setTabOrder(self.editUnitButton, self.retireButton)
        QWidget.setTabOrder(self.retireButton, self.outTable)
        QWidget.setTabOrder(self.outTable, self.slipTable)

        self.retranslateUi(LoanersScreen)
    # setupUi

    def retranslateUi(self, LoanersScreen):
        self.scanLabel.setText(QCoreApplication.translate("LoanersScreen", u"&Scan a tag", None))
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("LoanersScreen", u"scan or type an asset tag, Enter", None))
        self.statusLabel.setText(QCoreApplication.translate("LoanersScreen", u"Stat&us", None))
        self.categoryLabel.setText(QCoreApplication.translate("LoanersScreen", u"&Category", None))
        self.unitsGroup.setTitle(QCoreApplication.translate("LoanersScreen", u"The pool", None))
        self.lendButton.setText(QCoreApplication.translate("LoanersScreen", u"&Lend\u2026", None))
        self.returnButton.setText(QCoreApplication.translate("LoanersScreen", u"&Return\u2026", None))
        self.maintenanceButton.setText(QCoreApplication.translate("LoanersScreen", u"&Maintenance on/off", None))
        self.addUnitButton.setText(QCoreApplication.translate("LoanersScreen", u"&Add a unit\u2026", None))
        self.editUnitButton.setText(QCoreApplication.translate("LoanersScreen", u"&Edit / history\u2026", None))
        self.retireButton.setText(QCoreApplication.translate("LoanersScreen", u"Re&tire\u2026", None))
#if QT_CONFIG(tooltip)
        self.labelsButton.setToolTip(QCoreApplication.translate("LoanersScreen", u"Asset-tag labels for the selected units, or for every unit listed", None))
#endif // QT_CONFIG(tooltip)
        self.labelsButton.setText(QCoreApplication.translate("LoanersScreen", u"Print la&bels\u2026", None))
        self.outGroup.setTitle(QCoreApplication.translate("LoanersScreen", u"Out now (overdue in red, due within two days in orange)", None))
        self.slipGroup.setTitle(QCoreApplication.translate("LoanersScreen", u"Pull-backs whose promised return is near or missed: call the customer first", None))
        pass
    # retranslateUi

