# Generated from forms/supervision.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_SupervisionScreen(object):
    def setupUi(self, SupervisionScreen):
        if not SupervisionScreen.objectName():
            SupervisionScreen.setObjectName(u"SupervisionScreen")
        SupervisionScreen.resize(1100, 760)
        self.supervisionLayout = QVBoxLayout(SupervisionScreen)
        self.supervisionLayout.setObjectName(u"supervisionLayout")
        self.rangeLayout = QHBoxLayout()
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.fromLabel = QLabel(SupervisionScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.rangeLayout.addWidget(self.fromLabel)

        self.fromEdit = QLineEdit(SupervisionScreen)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setClearButtonEnabled(True)
        self.fromEdit.setMaximumWidth(120)

        self.rangeLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(SupervisionScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.rangeLayout.addWidget(self.toLabel)

        self.toEdit = QLineEdit(SupervisionScreen)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setClearButtonEnabled(True)
        self.toEdit.setMaximumWidth(120)

        self.rangeLayout.addWidget(self.toEdit)

        self.technicianLabel = QLabel(SupervisionScreen)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.rangeLayout.addWidget(self.technicianLabel)

        self.technicianCombo = QComboBox(SupervisionScreen)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.rangeLayout.addWidget(self.technicianCombo)

        self.showButton = QPushButton(SupervisionScreen)
        self.showButton.setObjectName(u"showButton")

        self.rangeLayout.addWidget(self.showButton)

        self.rangeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeLayout.addItem(self.rangeSpacer)

        self.countLabel = QLabel(SupervisionScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.rangeLayout.addWidget(self.countLabel)


        self.supervisionLayout.addLayout(self.rangeLayout)

        self.splitter = QSplitter(SupervisionScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.techGroup = QGroupBox(self.splitter)
        self.techGroup.setObjectName(u"techGroup")
        self.techLayout = QVBoxLayout(self.techGroup)
        self.techLayout.setObjectName(u"techLayout")
        self.techTable = QTableView(self.techGroup)
        self.techTable.setObjectName(u"techTable")
        self.techTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.techTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.techTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.techTable.setAlternatingRowColors(True)

        self.techLayout.addWidget(self.techTable)

        self.splitter.addWidget(self.techGroup)
        self.flaggedGroup = QGroupBox(self.splitter)
        self.flaggedGroup.setObjectName(u"flaggedGroup")
        self.flaggedLayout = QVBoxLayout(self.flaggedGroup)
        self.flaggedLayout.setObjectName(u"flaggedLayout")
        self.flaggedTable = QTableView(self.flaggedGroup)
        self.flaggedTable.setObjectName(u"flaggedTable")
        self.flaggedTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.flaggedTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.flaggedTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.flaggedTable.setAlternatingRowColors(True)

        self.flaggedLayout.addWidget(self.flaggedTable)

        self.splitter.addWidget(self.flaggedGroup)

        self.supervisionLayout.addWidget(self.splitter)

        self.ruleLabel = QLabel(SupervisionScreen)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setText(u"")
        self.ruleLabel.setWordWrap(True)

        self.supervisionLayout.addWidget(self.ruleLabel)

        self.messageLabel = QLabel(SupervisionScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.supervisionLayout.addWidget(self.messageLabel)

        self.supervisionLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.technicianLabel.setBuddy(self.technicianCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.showButton)
        QWidget.setTabOrder(self.showButton, self.techTable)
        QWidget.setTabOrder(self.techTable, self.flaggedTable)

        self.retranslateUi(SupervisionScreen)
    # setupUi

    def retranslateUi(self, SupervisionScreen):
        self.fromLabel.setText(QCoreApplication.translate("SupervisionScreen", u"F&rom", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("SupervisionScreen", u"2026-11-01", None))
        self.toLabel.setText(QCoreApplication.translate("SupervisionScreen", u"&To", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("SupervisionScreen", u"2026-11-30", None))
        self.technicianLabel.setText(QCoreApplication.translate("SupervisionScreen", u"Te&chnician", None))
        self.showButton.setText(QCoreApplication.translate("SupervisionScreen", u"&Show", None))
        self.techGroup.setTitle(QCoreApplication.translate("SupervisionScreen", u"Cards per technician", None))
        self.flaggedGroup.setTitle(QCoreApplication.translate("SupervisionScreen", u"Flagged cards", None))
        pass
    # retranslateUi

