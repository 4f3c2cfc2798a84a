# Generated from forms/satisfaction.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_SatisfactionScreen(object):
    def setupUi(self, SatisfactionScreen):
        if not SatisfactionScreen.objectName():
            SatisfactionScreen.setObjectName(u"SatisfactionScreen")
        SatisfactionScreen.resize(1100, 760)
        self.satisfactionLayout = QVBoxLayout(SatisfactionScreen)
        self.satisfactionLayout.setObjectName(u"satisfactionLayout")
        self.rangeLayout = QHBoxLayout()
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.fromLabel = QLabel(SatisfactionScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.rangeLayout.addWidget(self.fromLabel)

        self.fromEdit = QLineEdit(SatisfactionScreen)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setClearButtonEnabled(True)
        self.fromEdit.setMaximumWidth(120)

        self.rangeLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(SatisfactionScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.rangeLayout.addWidget(self.toLabel)

        self.toEdit = QLineEdit(SatisfactionScreen)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setClearButtonEnabled(True)
        self.toEdit.setMaximumWidth(120)

        self.rangeLayout.addWidget(self.toEdit)

        self.groupLabel = QLabel(SatisfactionScreen)
        self.groupLabel.setObjectName(u"groupLabel")

        self.rangeLayout.addWidget(self.groupLabel)

        self.groupCombo = QComboBox(SatisfactionScreen)
        self.groupCombo.setObjectName(u"groupCombo")

        self.rangeLayout.addWidget(self.groupCombo)

        self.periodLabel = QLabel(SatisfactionScreen)
        self.periodLabel.setObjectName(u"periodLabel")

        self.rangeLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(SatisfactionScreen)
        self.periodCombo.setObjectName(u"periodCombo")

        self.rangeLayout.addWidget(self.periodCombo)

        self.showButton = QPushButton(SatisfactionScreen)
        self.showButton.setObjectName(u"showButton")

        self.rangeLayout.addWidget(self.showButton)

        self.rangeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeLayout.addItem(self.rangeSpacer)

        self.countLabel = QLabel(SatisfactionScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.rangeLayout.addWidget(self.countLabel)


        self.satisfactionLayout.addLayout(self.rangeLayout)

        self.splitter = QSplitter(SatisfactionScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tableGroup = QGroupBox(self.splitter)
        self.tableGroup.setObjectName(u"tableGroup")
        self.tableLayout = QVBoxLayout(self.tableGroup)
        self.tableLayout.setObjectName(u"tableLayout")
        self.table = QTableView(self.tableGroup)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.tableLayout.addWidget(self.table)

        self.splitter.addWidget(self.tableGroup)
        self.chartGroup = QGroupBox(self.splitter)
        self.chartGroup.setObjectName(u"chartGroup")
        self.chartLayout = QVBoxLayout(self.chartGroup)
        self.chartLayout.setObjectName(u"chartLayout")
        self.splitter.addWidget(self.chartGroup)

        self.satisfactionLayout.addWidget(self.splitter)

        self.messageLabel = QLabel(SatisfactionScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.satisfactionLayout.addWidget(self.messageLabel)

        self.satisfactionLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.periodLabel.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.periodCombo)
        QWidget.setTabOrder(self.periodCombo, self.showButton)
        QWidget.setTabOrder(self.showButton, self.table)

        self.retranslateUi(SatisfactionScreen)
    # setupUi

    def retranslateUi(self, SatisfactionScreen):
        self.fromLabel.setText(QCoreApplication.translate("SatisfactionScreen", u"F&rom", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("SatisfactionScreen", u"2026-11-01", None))
        self.toLabel.setText(QCoreApplication.translate("SatisfactionScreen", u"&To", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("SatisfactionScreen", u"2026-11-30", None))
        self.groupLabel.setText(QCoreApplication.translate("SatisfactionScreen", u"&Per", None))
        self.periodLabel.setText(QCoreApplication.translate("SatisfactionScreen", u"&By", None))
        self.showButton.setText(QCoreApplication.translate("SatisfactionScreen", u"&Show", None))
        self.tableGroup.setTitle(QCoreApplication.translate("SatisfactionScreen", u"Returned cards rated satisfied", None))
        self.chartGroup.setTitle(QCoreApplication.translate("SatisfactionScreen", u"Chart", None))
        pass
    # retranslateUi

